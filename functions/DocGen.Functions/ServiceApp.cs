using System.Net;
using DocGen.Core.Rendering;
using DocGen.Functions.Api;
using DocGen.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DocGen.Functions;

/// <summary>
/// Builds the service: one WebApplication for the Functions custom handler, for `dotnet run`, for
/// `docgen serve` and for the tests, so all of them run the same code.
/// </summary>
public static class ServiceApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        var config = builder.Configuration;

        var limits = Limits.From(config);
        int port = config.GetValue<int?>(ServiceSettings.Port) ?? ServiceSettings.DefaultPort;
        var address = IPAddress.Parse(config[ServiceSettings.ListenAddress] ?? "127.0.0.1");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(address, port);
            // The handlers enforce their own, clearer limits (413 with a message); Kestrel's is a backstop.
            k.Limits.MaxRequestBodySize = Math.Max(limits.MaxBodyBytes, limits.MaxSignedBytes) + 1024 * 1024;
        });

        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton(ApiKeys.From(config));
        // TryAdd: a caller (a test injecting faults) may have registered its own store.
        builder.Services.TryAddSingleton(_ => BlobStoreFactory.Create(config));
        builder.Services.AddSingleton(sp => new ReportRepository(sp.GetRequiredService<IBlobStore>()));
        builder.Services.AddSingleton(_ => new DocumentRenderer(new RenderSettings
        {
            FontDirectory = FontFolder(config[ServiceSettings.FontDirectory]),
            LongRunning = config.GetValue<bool?>(ServiceSettings.PreprocessFonts) ?? true,
        }));
        builder.Services.AddSingleton<ReportGeneration>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        var app = builder.Build();
        app.UseExceptionHandler(handler => handler.Run(context =>
        {
            // Whatever failed, the caller gets a problem document and the service keeps serving.
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            return Problems.FromException(error).ExecuteAsync(context);
        }));
        app.UseStatusCodePages(context => Problems.ForStatus(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        app.MapOpenApi("/api/openapi.json");
        MetaApi.Map(app);
        ReportsApi.Map(app);
        SignedApi.Map(app);
        ImportApi.Map(app);
        BlobTriggerApi.Map(app);
        return app;
    }

    /// <summary>
    /// A relative font folder ("fonts" in the Azure package) is taken relative to the application's own
    /// folder, not to whatever working directory the Functions host starts the handler in.
    /// </summary>
    internal static string? FontFolder(string? configured) =>
        string.IsNullOrWhiteSpace(configured) || Path.IsPathRooted(configured)
            ? configured
            : Path.Combine(AppContext.BaseDirectory, configured);
}

/// <summary>Body size limits, from configuration.</summary>
public sealed record Limits(long MaxBodyBytes, long MaxSignedBytes)
{
    public static Limits From(IConfiguration config) => new(
        config.GetValue<long?>(ServiceSettings.MaxBodyBytes) ?? ServiceSettings.DefaultMaxBodyBytes,
        config.GetValue<long?>(ServiceSettings.MaxSignedBytes) ?? ServiceSettings.DefaultMaxSignedBytes);
}
