import { fakeSurveyResponse, fakeTicket } from '../__testUtils__/fakeZendesk';
import {
  surveyResponseSignal,
  zendeskSurveyAnswerValue,
  zendeskSurveyRatingAnswer,
  zendeskSurveyRatingValue,
  zendeskSurveyTicketId,
} from './surveyResponseSignals';

describe('CSAT survey responses', () => {
  it('maps 5-, 3- and 2-point ratings onto the 1–5 scale', () => {
    expect([1, 2, 3, 4, 5].map(r => zendeskSurveyRatingValue(r, 5))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect([1, 2, 3].map(r => zendeskSurveyRatingValue(r, 3))).toEqual([
      1, 3, 5,
    ]);
    expect([1, 2].map(r => zendeskSurveyRatingValue(r, 2))).toEqual([1, 5]);
    expect(zendeskSurveyRatingValue(3, 2)).toBeUndefined();
    expect(zendeskSurveyRatingValue(0, 5)).toBeUndefined();
    expect(zendeskSurveyRatingValue(2.5, 5)).toBeUndefined();
  });

  it('reads the scale from the question options, else uses only unambiguous ratings', () => {
    const value = (rating: number, scale: 2 | 3 | 5, withOptions = true) =>
      zendeskSurveyAnswerValue(
        zendeskSurveyRatingAnswer(
          fakeSurveyResponse({
            id: 'r',
            ticketId: 1,
            rating,
            scale,
            createdAt: '2026-10-01T00:00:00Z',
            withOptions,
          }),
        )!,
      );
    expect(value(2, 3)).toBe(3);
    expect(value(2, 2)).toBe(5);
    expect(value(2, 5)).toBe(2);
    expect(value(1, 3, false)).toBe(1);
    expect(value(4, 5, false)).toBe(4);
    expect(value(2, 3, false)).toBeUndefined();
    expect(value(3, 5, false)).toBeUndefined();
  });

  it('finds the ticket by subject or resource name, and only tickets', () => {
    const response = fakeSurveyResponse({
      id: 'r',
      ticketId: 99,
      rating: 5,
      scale: 5,
      createdAt: '2026-10-01T00:00:00Z',
    });
    expect(zendeskSurveyTicketId(response)).toBe('99');
    expect(zendeskSurveyTicketId({ ...response, subjects: null })).toBe('99');
    expect(
      zendeskSurveyTicketId({
        id: 'c',
        subjects: [
          {
            id: '4295a81b',
            type: 'conversation',
            zrn: 'zen:conversation:4295a81b',
          },
        ],
        subject_zrns: ['zen:conversation:4295a81b'],
      }),
    ).toBeUndefined();
  });

  it('becomes a csat_response with the ticket account and agent, at the answer time', () => {
    const response = fakeSurveyResponse({
      id: '01J1WB51MG6HXTYWE6Q0C93RNW',
      ticketId: 99,
      rating: 2,
      scale: 3,
      createdAt: '2026-10-01T10:00:00Z',
      updatedAt: '2026-10-01T11:00:00Z',
    });
    const ticket = fakeTicket({
      id: 99,
      created_at: '2026-09-30T10:00:00Z',
      assignee_id: 7,
      organization_id: 55,
    });
    const signal = surveyResponseSignal(response, ticket, {
      account: 'acme',
      sideloads: {
        users: new Map([['7', { id: 7, email: 'Jane@example.com' }]]),
        organizations: new Map([['55', { id: 55, name: 'Globex' }]]),
        metricSets: new Map(),
      },
      userByEmail: email =>
        email === 'jane@example.com' ? 'user:default/jane' : undefined,
    });
    expect(signal).toMatchObject({
      source: 'zendesk',
      externalId: 'survey-response:01J1WB51MG6HXTYWE6Q0C93RNW',
      kind: 'csat_response',
      value: 3,
      occurredAt: '2026-10-01T11:00:00Z',
      account: 'Globex',
      handledBy: 'user:default/jane',
      fieldRole: 'support',
      attributes: expect.objectContaining({
        ticketId: '99',
        rating: 2,
        ratingScale: 3,
        surveyId: '01J58KJ9RAE0D2EK7HRVM7Z8F2',
        surveyVersion: 3,
      }),
    });
    // A response whose rating question was skipped makes no signal.
    expect(
      surveyResponseSignal(
        { ...response, answers: response.answers!.slice(1) },
        ticket,
        { account: 'acme', userByEmail: () => undefined },
      ),
    ).toBeUndefined();
  });
});
