import { useState } from 'preact/hooks';
import { ApiError, type Execution, type StdoutFormat } from '../../client';
import { stripAnsi } from '../output/ansi';
import type { OutputModel } from '../output/outputModel';
import { describeError, useServices } from '../shared/services';

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The whole output as a file, from the Gateway's stdout endpoint; where the Gateway has none yet, from the lines this
 * page holds, and it says so.
 */
export function DownloadMenu({ execution, model }: { execution: Execution; model: OutputModel }) {
  const services = useServices();
  const [note, setNote] = useState<string | null>(null);
  const name = (format: StdoutFormat) =>
    `${execution.template.name.replace(/[^\w.-]+/g, '_')}-${execution.awx_job_id ?? execution.id}.${format === 'txt' ? 'txt' : 'ansi.txt'}`;

  const download = async (format: StdoutFormat) => {
    setNote(null);
    try {
      save(await services.api.stdout(execution.id, format), name(format));
    } catch (error) {
      if (!(error instanceof ApiError && error.isNotFound)) {
        setNote(describeError(services, error));
        return;
      }
      const text = model.lines.map((line) => (format === 'txt' ? stripAnsi(line.text) : line.text)).join('\n');
      save(new Blob([text], { type: 'text/plain;charset=utf-8' }), name(format));
      setNote(`Saved the ${model.lines.length.toLocaleString('en-US')} lines loaded here: this Gateway has no stdout download yet.`);
    }
  };

  return (
    <span class="download">
      <button type="button" onClick={() => void download('txt')} title="Plain text">Download .txt</button>
      <button type="button" onClick={() => void download('ansi')} title="With ANSI colours">Download .ansi</button>
      {note && <span class="download__note">{note}</span>}
    </span>
  );
}
