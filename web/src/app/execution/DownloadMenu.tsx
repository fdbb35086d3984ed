import { useState } from 'preact/hooks';
import { type Execution, type StdoutFormat } from '../../client';
import { describeError, useServices } from '../shared/services';

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The whole output as a file, from the Gateway's stdout endpoint, named after the template and the AWX job. */
export function DownloadMenu({ execution }: { execution: Execution }) {
  const services = useServices();
  const [note, setNote] = useState<string | null>(null);
  const name = (format: StdoutFormat) =>
    `${execution.template.name.replace(/[^\w.-]+/g, '_')}-${execution.awx_job_id ?? execution.id}.${format === 'txt' ? 'txt' : 'ansi.txt'}`;

  const download = async (format: StdoutFormat) => {
    setNote(null);
    try {
      save(await services.api.stdout(execution.id, format), name(format));
    } catch (error) {
      setNote(describeError(services, error));
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
