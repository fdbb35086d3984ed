namespace Fabrik.Executions.AwxEmulator.Tests.Support;

/// <summary>
/// The top-level keys of the real AWX payloads recorded in shared/awx-samples (data.job.json, data.job_template.json,
/// data.workflow_job_template.json, and the results of data.job_events.json and data.workflowApprovals.json); the
/// emulator must serve at least these.
/// </summary>
internal static class AwxSampleKeys
{
    public static readonly string[] JobDetail =
    [
        "id", "type", "url", "related", "summary_fields", "created", "modified", "name", "description", "job_type",
        "inventory", "project", "playbook", "scm_branch", "forks", "limit", "verbosity", "extra_vars", "job_tags",
        "force_handlers", "skip_tags", "start_at_task", "timeout", "use_fact_cache", "unified_job_template",
        "launch_type", "status", "failed", "started", "finished", "elapsed", "job_args", "job_cwd", "job_env",
        "job_explanation", "execution_node", "controller_node", "result_traceback", "event_processing_finished",
        "job_template", "passwords_needed_to_start", "allow_simultaneous", "artifacts", "scm_revision",
        "instance_group", "diff_mode", "job_slice_number", "job_slice_count", "host_status_counts", "playbook_counts",
        "custom_virtualenv", "execution_environment",
    ];

    /// <summary>Fields AWX's JobListSerializer drops, and those only JobDetailSerializer adds.</summary>
    public static readonly string[] DetailOnly =
    [
        "job_args", "job_cwd", "job_env", "result_traceback", "event_processing_finished",
        "host_status_counts", "playbook_counts", "custom_virtualenv",
    ];

    public static readonly string[] JobTemplate =
    [
        "id", "type", "url", "related", "summary_fields", "created", "modified", "name", "description", "job_type",
        "inventory", "project", "playbook", "scm_branch", "forks", "limit", "verbosity", "extra_vars", "job_tags",
        "force_handlers", "skip_tags", "start_at_task", "timeout", "use_fact_cache", "last_job_run", "last_job_failed",
        "next_job_run", "status", "host_config_key", "ask_scm_branch_on_launch", "ask_diff_mode_on_launch",
        "ask_variables_on_launch", "ask_limit_on_launch", "ask_tags_on_launch", "ask_skip_tags_on_launch",
        "ask_job_type_on_launch", "ask_verbosity_on_launch", "ask_inventory_on_launch", "ask_credential_on_launch",
        "survey_enabled", "become_enabled", "diff_mode", "allow_simultaneous", "custom_virtualenv", "job_slice_count",
        "webhook_credential", "webhook_key", "webhook_service", "execution_environment",
        "prevent_instance_group_fallback",
    ];

    public static readonly string[] JobEvent =
    [
        "id", "type", "url", "related", "summary_fields", "created", "modified", "job", "event", "counter",
        "event_display", "event_data", "event_level", "failed", "changed", "uuid", "parent_uuid", "host", "host_name",
        "playbook", "play", "task", "role", "stdout", "start_line", "end_line", "verbosity",
    ];

    public static readonly string[] WorkflowJobTemplate =
    [
        "id", "type", "url", "related", "summary_fields", "created", "modified", "name", "description", "last_job_run",
        "last_job_failed", "next_job_run", "status", "extra_vars", "organization", "survey_enabled", "allow_simultaneous",
        "ask_variables_on_launch", "inventory", "limit", "scm_branch", "ask_inventory_on_launch", "ask_scm_branch_on_launch",
        "ask_limit_on_launch", "webhook_service", "webhook_credential",
    ];

    public static readonly string[] WorkflowJobTemplateRelated =
    [
        "named_url", "created_by", "modified_by", "workflow_jobs", "schedules", "launch", "webhook_key", "webhook_receiver",
        "workflow_nodes", "labels", "activity_stream", "notification_templates_started", "notification_templates_success",
        "notification_templates_error", "notification_templates_approvals", "access_list", "object_roles", "survey_spec", "copy",
    ];

    public static readonly string[] WorkflowJobTemplateSummaryFields =
        ["created_by", "modified_by", "object_roles", "user_capabilities", "labels", "recent_jobs"];

    public static readonly string[] WorkflowApproval =
    [
        "id", "type", "url", "related", "summary_fields", "created", "modified", "name", "description", "unified_job_template",
        "launch_type", "status", "failed", "started", "finished", "canceled_on", "elapsed", "job_explanation",
        "can_approve_or_deny", "approval_expiration", "timed_out",
    ];

    public static readonly string[] WorkflowApprovalSummaryFields =
    [
        "workflow_job_template", "workflow_job", "workflow_approval_template", "unified_job_template", "created_by",
        "user_capabilities", "source_workflow_job",
    ];
}
