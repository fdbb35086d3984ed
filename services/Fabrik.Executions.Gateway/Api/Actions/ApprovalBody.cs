using System.Globalization;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>The body of <c>POST /api/v1/executions/{id}/approvals/{approval_id}/approve</c> and <c>/deny</c>, if any.</summary>
public sealed record ApprovalBody
{
    public const int MaxCommentLength = 2000;

    public static readonly IReadOnlyList<BodyField> Fields = [new("comment", "a string")];

    /// <summary>Why, recorded with the decision.</summary>
    public string? Comment { get; init; }

    public void Check(FieldErrors errors)
    {
        if (Comment is { Length: > MaxCommentLength })
        {
            errors.Add("comment", $"comment is {Comment.Length} characters long; at most {MaxCommentLength} are allowed.");
        }
        else if (Comment is not null && StorableText.FindControlCharacter("comment", Comment, multiLine: true) is { } problem)
        {
            errors.Add("comment", problem);
        }
    }

    /// <summary>The route's <c>{approval_id}</c>: AWX's positive id of the approval.</summary>
    public static long ParseApprovalId(string value, FieldErrors errors)
    {
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        errors.Add("approval_id", $"approval_id must be a positive AWX approval id, not '{value}'.");
        return 0;
    }
}
