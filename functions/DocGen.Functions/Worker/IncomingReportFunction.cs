using DocGen.Functions.Api;
using Microsoft.Azure.Functions.Worker;

namespace DocGen.Functions.Worker;

/// <summary>The blob trigger on incoming/{agency}/{name}.json, fed by Event Grid (the only source Flex Consumption allows).</summary>
public sealed class IncomingReportFunction(IncomingReports incoming)
{
    [Function(IncomingReports.FunctionName)]
    public Task IncomingReport(
        [BlobTrigger(IncomingReports.TriggerPath, Source = BlobTriggerSource.EventGrid, Connection = IncomingReports.Connection)] BinaryData? content,
        string? agency, string? name, CancellationToken cancellationToken) =>
        incoming.ProcessAsync(agency, name, content?.ToArray(), cancellationToken);
}
