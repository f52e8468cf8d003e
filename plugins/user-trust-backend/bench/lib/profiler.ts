import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';

/**
 * CPU profile of a stretch of this process (the backend included), written
 * as a .cpuprofile file that Chrome DevTools or speedscope can open.
 */
export async function profiled<T>(
  file: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  if (!file) return fn();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
