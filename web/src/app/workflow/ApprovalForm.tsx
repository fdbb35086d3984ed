import { useState } from 'preact/hooks';
import type { WorkflowApproval } from '../../client';
import { formatDuration, formatTime } from '../shared/format';
import { useServices } from '../shared/services';
import { useAction } from '../shared/useAction';

/** Approve or deny a pending approval, with an optional comment recorded with the decision. */
export function ApprovalForm({ executionId, approval, onDecided }: {
  executionId: string;
  approval: WorkflowApproval;
  onDecided: () => void;
}) {
  const { api } = useServices();
  const [comment, setComment] = useState('');
  const action = useAction();
  const decide = (decision: 'approve' | 'deny') =>
    action.run(async () => {
      await api.decideApproval(executionId, approval.id, decision, comment.trim());
      onDecided();
    });
  const disabled = action.busy;
  return (
    <form class="approval" data-approval={approval.id} onSubmit={(event) => event.preventDefault()}>
      <p class="approval__name">{approval.name}</p>
      {approval.description && <p>{approval.description}</p>}
      <p class="muted" data-testid="approval-timeout">
        {approval.timeout_seconds > 0
          ? `Times out after ${formatDuration(approval.timeout_seconds)}${approval.expires_at ? `, at ${formatTime(approval.expires_at)}` : ''}.`
          : 'Waits until someone decides.'}
      </p>
      <label>
        Comment
        <textarea value={comment} rows={2} placeholder="Why (recorded with the decision)" onInput={(event) => setComment(event.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" class="approve" disabled={disabled} onClick={() => void decide('approve')}>Approve</button>
        <button type="button" class="danger" disabled={disabled} onClick={() => void decide('deny')}>Deny</button>
      </div>
      {action.error && <p class="action-message">{action.error}</p>}
    </form>
  );
}
