using DocGen.Functions.Api;
using Microsoft.Azure.Functions.Worker;

namespace DocGen.Functions.Worker;

/// <summary>The reports operations as HTTP functions: each one line over <see cref="ReportsApi"/>.</summary>
public sealed class ReportFunctions(IServiceProvider services)
{
    [Function(Operations.CreateReport)]
    public Task<IResult> CreateReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiPaths.Reports)] HttpRequest req) =>
        WorkerCall.RunAsync(Operations.CreateReport, req, services);

    [Function(Operations.ListReports)]
    public Task<IResult> ListReports([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiPaths.Reports)] HttpRequest req) =>
        WorkerCall.RunAsync(Operations.ListReports, req, services);

    [Function(Operations.ValidateReport)]
    public Task<IResult> ValidateReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiPaths.Validate)] HttpRequest req) =>
        WorkerCall.RunAsync(Operations.ValidateReport, req, services);

    [Function(Operations.ImportReport)]
    public Task<IResult> ImportReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiPaths.Import)] HttpRequest req) =>
        WorkerCall.RunAsync(Operations.ImportReport, req, services);

    [Function(Operations.PreviewReport)]
    public Task<IResult> PreviewReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiPaths.Preview)] HttpRequest req) =>
        WorkerCall.RunAsync(Operations.PreviewReport, req, services);

    [Function(Operations.ListMissingAgencies)]
    public Task<IResult> ListMissingAgencies([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiPaths.Missing)] HttpRequest req) =>
        WorkerCall.RunAsync(Operations.ListMissingAgencies, req, services);

    [Function(Operations.SumReports)]
    public Task<IResult> SumReports([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiPaths.Sum)] HttpRequest req) =>
        WorkerCall.RunAsync(Operations.SumReports, req, services);

    [Function(Operations.GetReport)]
    public Task<IResult> GetReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiPaths.Report)] HttpRequest req, string id) =>
        WorkerCall.RunAsync(Operations.GetReport, req, services, (nameof(id), id));

    [Function(Operations.GetReportDocx)]
    public Task<IResult> GetReportDocx([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiPaths.ReportDocx)] HttpRequest req, string id) =>
        WorkerCall.RunAsync(Operations.GetReportDocx, req, services, (nameof(id), id));

    [Function(Operations.GetReportPdf)]
    public Task<IResult> GetReportPdf([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiPaths.ReportPdf)] HttpRequest req, string id) =>
        WorkerCall.RunAsync(Operations.GetReportPdf, req, services, (nameof(id), id));
}
