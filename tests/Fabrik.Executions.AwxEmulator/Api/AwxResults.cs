using Fabrik.Executions.AwxEmulator.Api.Resources;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>AWX's error bodies: always <c>{"detail": ...}</c>, except validation errors which name their fields.</summary>
internal static class AwxResults
{
    public const string NotFoundDetail = "Not found.";

    public static IResult NotFound() => Detail(StatusCodes.Status404NotFound, NotFoundDetail);

    public static IResult MethodNotAllowed(string method) =>
        Detail(StatusCodes.Status405MethodNotAllowed, $"Method \"{method}\" not allowed.");

    public static IResult Detail(int statusCode, string detail) =>
        TypedResults.Json(new ErrorDetail(detail), statusCode: statusCode);

    public static IResult Invalid(FieldErrors errors) =>
        TypedResults.Json(errors.Messages, statusCode: StatusCodes.Status400BadRequest);
}
