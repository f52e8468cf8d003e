import { UnattributedSignalInput } from '@user-trust/plugin-user-trust-node';
import {
  ZendeskSurveyAnswer,
  ZendeskSurveyResponse,
  ZendeskTicket,
} from '../client/types';
import {
  zendeskTicketSignalBase,
  ZendeskTicketSignalOptions,
} from './ticketSignals';

/** Rating scales of Zendesk's customizable CSAT: 2, 3 or 5 options. @public */
export type ZendeskSurveyScale = 2 | 3 | 5;

/** The `externalId` of a survey response's signal: `survey-response:<id>`. @public */
export const zendeskSurveyResponseExternalId = (responseId: string) =>
  `survey-response:${responseId}`;

/**
 * A rating of a customizable CSAT survey on the 1–5 scale of the default
 * CSAT SLO, evenly spread: 5 options kept as they are; 3 options 1 → 1,
 * 2 → 3, 3 → 5; 2 options 1 → 1, 2 → 5. Undefined for a rating outside
 * its scale.
 *
 * @public
 */
export function zendeskSurveyRatingValue(
  rating: number,
  scale: ZendeskSurveyScale,
): number | undefined {
  if (!Number.isInteger(rating) || rating < 1 || rating > scale) {
    return undefined;
  }
  if (scale === 5) return rating;
  if (scale === 3) return [1, 3, 5][rating - 1];
  return [1, 5][rating - 1];
}

/**
 * The CSAT rating answer of a survey response: the first answer of type
 * `rating_scale` with a numeric rating, the `customer_satisfaction`
 * question first.
 *
 * @public
 */
export function zendeskSurveyRatingAnswer(
  response: ZendeskSurveyResponse,
): (ZendeskSurveyAnswer & { rating: number }) | undefined {
  const ratings = (response.answers ?? []).filter(
    (a): a is ZendeskSurveyAnswer & { rating: number } =>
      !!a && a.type === 'rating_scale' && typeof a.rating === 'number',
  );
  return (
    ratings.find(a => a.question?.sub_type === 'customer_satisfaction') ??
    ratings[0]
  );
}

/**
 * The scale of a rating answer: the number of its question's options (or
 * their highest rating) when the answer carries them and it is 2, 3 or 5;
 * else undefined.
 *
 * @public
 */
export function zendeskSurveyScale(
  answer: ZendeskSurveyAnswer,
): ZendeskSurveyScale | undefined {
  const options = answer.question?.options;
  if (!Array.isArray(options) || options.length === 0) return undefined;
  const highest = Math.max(
    options.length,
    ...options.map(o => (typeof o?.rating === 'number' ? o.rating : 0)),
  );
  return highest === 2 || highest === 3 || highest === 5 ? highest : undefined;
}

/**
 * The 1–5 value of a rating answer. Without the question's options the
 * scale is unknown, and only ratings that mean the same on every scale
 * are used: 1 → 1, and 4 or 5 (only a 5-point scale has them) as they
 * are; a 2 or 3 of an unknown scale is undefined.
 *
 * @public
 */
export function zendeskSurveyAnswerValue(
  answer: ZendeskSurveyAnswer & { rating: number },
): number | undefined {
  const scale = zendeskSurveyScale(answer);
  if (scale) return zendeskSurveyRatingValue(answer.rating, scale);
  if (answer.rating === 1) return 1;
  if (answer.rating === 4 || answer.rating === 5) return answer.rating;
  return undefined;
}

/**
 * The ticket a survey response is about: a subject of type `ticket`, or a
 * `zen:ticket:<id>` resource name. Undefined for other subjects (a
 * messaging conversation).
 *
 * @public
 */
export function zendeskSurveyTicketId(
  response: ZendeskSurveyResponse,
): string | undefined {
  for (const subject of response.subjects ?? []) {
    if (subject?.type === 'ticket' && /^\d+$/.test(String(subject.id))) {
      return String(subject.id);
    }
  }
  const zrns = [
    ...(response.subjects ?? []).map(s => s?.zrn),
    ...(response.subject_zrns ?? []),
  ];
  for (const zrn of zrns) {
    const match = /^zen:ticket:(\d+)$/.exec(zrn ?? '');
    if (match) return match[1];
  }
  return undefined;
}

/**
 * The `csat_response` of a survey response, without its entity: id
 * `survey-response:<id>` (a re-read updates it), `occurredAt` the rating
 * answer's time (its last change), the value on the 1–5 scale, `account`
 * and `handledBy` those of the ticket. Undefined when the response has no
 * usable rating.
 *
 * @public
 */
export function surveyResponseSignal(
  response: ZendeskSurveyResponse,
  ticket: ZendeskTicket,
  options: Pick<
    ZendeskTicketSignalOptions,
    'sideloads' | 'account' | 'userByEmail'
  >,
): UnattributedSignalInput | undefined {
  const answer = zendeskSurveyRatingAnswer(response);
  if (!answer) return undefined;
  const value = zendeskSurveyAnswerValue(answer);
  const occurredAt = answer.updated_at ?? answer.created_at;
  if (value === undefined || !occurredAt) return undefined;
  const base = zendeskTicketSignalBase(ticket, options);
  const scale = zendeskSurveyScale(answer);
  return {
    ...base,
    externalId: zendeskSurveyResponseExternalId(response.id),
    kind: 'csat_response',
    occurredAt,
    value,
    attributes: {
      ...base.attributes,
      surveyResponseId: response.id,
      rating: answer.rating,
      ...(scale && { ratingScale: scale }),
      ...(response.survey?.id && { surveyId: response.survey.id }),
      ...(typeof response.survey?.version === 'number' && {
        surveyVersion: response.survey.version,
      }),
    },
  };
}
