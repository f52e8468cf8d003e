import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  SignalImportMapping,
  SignalImportProgress,
  SignalImportRequest,
  SignalImportResult,
} from '@user-trust/plugin-user-trust-common';
import { useEffect, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { userTrustApiRef } from '../../api';
import { errorMessage } from '../common/errors';
import { cleanMapping, guessColumns } from './importMapping';
import { ImportFile, ImportFormat, readImportFile } from './importFile';

/**
 * The source a first dry run names while the user has not typed one yet:
 * it only learns the file's columns, and the source only changes whether a
 * row would be created or updated.
 */
const PROVISIONAL_SOURCE = 'file-import';

/** What the columns of the mapping were last set from. */
type MappingOrigin = 'none' | 'guessed' | 'saved' | 'edited';

/** A dry run's answer, and the file, source and mapping it is of. */
type Check = { key: string; result: SignalImportResult };

/** A finished import, for the page to report. */
export type ImportOutcome = {
  key: string;
  result: SignalImportResult;
  fileName: string;
  source: string;
  /** An entity the file's signals went to, to link to. */
  entityRef?: string;
};

/** Identifies the request a dry run or an import was made with. */
function requestKey(
  file: ImportFile | undefined,
  source: string,
  mapping: SignalImportMapping,
): string {
  return JSON.stringify([
    file?.id,
    file?.format,
    source.trim(),
    cleanMapping(mapping),
  ]);
}

/**
 * The state of the import page: the chosen file (read in the browser), the
 * source and its column mapping (saved per source), the first dry run that
 * learns the file's columns, the user's dry run, the import with its
 * progress, and whether importing is possible now.
 */
export function useSignalImport(canImport: boolean) {
  const api = useApi(userTrustApiRef);
  const alertApi = useApi(alertApiRef);
  const savedMappings = useAsyncRetry(() => api.listImportMappings(), [api]);

  const [file, setFile] = useState<ImportFile>();
  const [fileError, setFileError] = useState<string>();
  const [source, setSourceText] = useState('');
  const [mapping, setMappingState] = useState<SignalImportMapping>({
    columns: {},
  });
  const [origin, setOrigin] = useState<MappingOrigin>('none');
  const [columns, setColumns] = useState<string[]>();
  const [learning, setLearning] = useState(false);
  const [learnError, setLearnError] = useState<string>();
  const [check, setCheck] = useState<Check>();
  const [checkError, setCheckError] = useState<string>();
  const [busy, setBusy] = useState<'checking' | 'importing'>();
  const [saving, setSaving] = useState(false);
  const [progress, setProgress] = useState<SignalImportProgress>();
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const [importError, setImportError] = useState<string>();
  const nextFileId = useRef(1);

  const key = requestKey(file, source, mapping);
  const request = (): SignalImportRequest => ({
    source: source.trim(),
    format: file!.format,
    fileName: file!.name.slice(0, 255),
    content: file!.text,
    mapping: cleanMapping(mapping),
  });

  // What the first dry run reads when it answers: the latest, not those of
  // the render that started it.
  const latest = useRef({ source, mapping, origin, key });
  latest.current = { source, mapping, origin, key };

  // A first dry run with the current mapping learns the file's columns (and
  // its rows). Without a mapping of the source, the columns are then
  // guessed from their names; with one, the answer already is the check.
  useEffect(() => {
    if (!file || !canImport) return undefined;
    let cancelled = false;
    const started = latest.current;
    setLearning(true);
    setLearnError(undefined);
    api
      .importSignals(
        {
          source: started.source.trim() || PROVISIONAL_SOURCE,
          format: file.format,
          fileName: file.name.slice(0, 255),
          content: file.text,
          mapping: cleanMapping(started.mapping),
        },
        { dryRun: true },
      )
      .then(result => {
        if (cancelled) return;
        setColumns(result.columns);
        const now = latest.current;
        if (now.origin === 'none' || now.origin === 'guessed') {
          setMappingState(m => ({
            ...m,
            columns: guessColumns(result.columns),
          }));
          setOrigin('guessed');
        } else if (now.key === started.key && now.source.trim()) {
          setCheck({ key: started.key, result });
        }
      })
      .catch(e => {
        if (!cancelled) setLearnError(errorMessage(e));
      })
      .finally(() => {
        if (!cancelled) setLearning(false);
      });
    return () => {
      cancelled = true;
    };
  }, [api, file, canImport]);

  const chooseFile = async (chosen: File) => {
    const read = await readImportFile(chosen, nextFileId.current++);
    setColumns(undefined);
    setCheck(undefined);
    setCheckError(undefined);
    setOutcome(undefined);
    setImportError(undefined);
    if ('error' in read) {
      setFile(undefined);
      setFileError(read.error);
    } else {
      setFile(read);
      setFileError(undefined);
    }
  };

  const setFormat = (format: ImportFormat) => {
    if (!file || file.format === format) return;
    setColumns(undefined);
    setCheck(undefined);
    setFile({ ...file, format });
  };

  /** A new source name; a source with a saved mapping brings it along. */
  const setSource = (value: string) => {
    setSourceText(value);
    const saved = savedMappings.value?.items.find(
      item => item.source === value.trim(),
    );
    if (saved) {
      setMappingState(saved.mapping);
      setOrigin('saved');
    }
  };

  const setMapping = (
    update: (current: SignalImportMapping) => SignalImportMapping,
  ) => {
    setMappingState(update);
    setOrigin('edited');
  };

  const runCheck = async () => {
    if (!file || !source.trim()) return;
    const checkedKey = key;
    setBusy('checking');
    setCheckError(undefined);
    setOutcome(undefined);
    setImportError(undefined);
    try {
      const result = await api.importSignals(request(), { dryRun: true });
      setColumns(result.columns);
      setCheck({ key: checkedKey, result });
    } catch (e) {
      setCheck(undefined);
      setCheckError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  const runImport = async () => {
    if (!file || !check || check.key !== key) return;
    const importedKey = key;
    setBusy('importing');
    setProgress(undefined);
    setOutcome(undefined);
    setImportError(undefined);
    try {
      const result = await api.importSignals(request(), {
        dryRun: false,
        onProgress: setProgress,
      });
      setOutcome({
        key: importedKey,
        result,
        fileName: file.name,
        source: source.trim(),
        entityRef: (result.preview[0] ?? check.result.preview[0])?.entityRef,
      });
    } catch (e) {
      setImportError(errorMessage(e));
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  };

  const saveMapping = async () => {
    const name = source.trim();
    if (!name) return;
    setSaving(true);
    try {
      await api.saveImportMapping(name, cleanMapping(mapping));
      alertApi.post({
        message: `Saved the column mapping of ${name}`,
        severity: 'success',
        display: 'transient',
      });
      setOrigin('saved');
      savedMappings.retry();
    } catch (e) {
      alertApi.post({
        message: `Could not save the column mapping: ${errorMessage(e)}`,
        severity: 'error',
      });
    } finally {
      setSaving(false);
    }
  };

  const fresh = check !== undefined && check.key === key;
  const checked = fresh ? check.result : undefined;
  const importedNow = outcome !== undefined && outcome.key === key;
  const canCheck =
    canImport && file !== undefined && Boolean(source.trim()) && !busy;
  const canRunImport =
    canImport &&
    checked !== undefined &&
    checked.errorCount === 0 &&
    checked.rows > 0 &&
    !busy &&
    !learning &&
    !importedNow;

  return {
    savedMappings,
    file,
    fileError,
    chooseFile,
    setFormat,
    source,
    setSource,
    mapping,
    setMapping,
    mappingFromSaved: origin === 'saved',
    columns,
    learning,
    learnError,
    busy,
    saving,
    saveMapping,
    runCheck,
    canCheck,
    check: check?.result,
    checkStale: check !== undefined && !fresh,
    checkError,
    runImport,
    canRunImport,
    progress,
    outcome,
    importError,
  };
}

/** The state and actions of {@link useSignalImport}. */
export type SignalImport = ReturnType<typeof useSignalImport>;
