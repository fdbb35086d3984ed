import { useState } from 'preact/hooks';
import type { WorkflowApproval } from '../../client';
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
  const action = useAction('Approval');
  const decide = (decision: 'approve' | 'deny') =>
    action.run(async () => {
      await api.decideApproval(executionId, approval.id, decision, comment.trim());
      onDecided();
    });
  const disabled = action.busy || action.unavailable !== null;
  return (
    <form class="approval" data-approval={approval.id} onSubmit={(event) => event.preventDefault()}>
      {approval.description && <p>{approval.description}</p>}
      <label>
        Comment
        <textarea value={comment} rows={2} placeholder="Why (recorded with the decision)" onInput={(event) => setComment(event.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" class="approve" disabled={disabled} onClick={() => void decide('approve')}>Approve</button>
        <button type="button" class="danger" disabled={disabled} onClick={() => void decide('deny')}>Deny</button>
      </div>
      {(action.unavailable ?? action.error) && <p class="action-message">{action.unavailable ?? action.error}</p>}
    </form>
  );
}
