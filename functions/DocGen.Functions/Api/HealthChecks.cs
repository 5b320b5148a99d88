using DocGen.Core.Rendering;
using DocGen.Pdf;
using DocGen.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using DocGen.Core;

namespace DocGen.Functions.Api;

/// <summary>The store answers and takes a write: a probe blob in the id index container is written, read back and removed.</summary>
public sealed class StorageHealthCheck(IBlobStore store) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string probe = $"{BlobPath.IdsContainer}/_health/{Guid.NewGuid():N}.json";
        try
        {
            await store.WriteBytesAsync(probe, "{}"u8.ToArray(), ContentTypes.Json, WriteMode.CreateOnly, cancellationToken);
            bool back = await store.ExistsAsync(probe, cancellationToken);
            await store.DeleteAsync(probe, cancellationToken);
            StartPhases.Once("first storage check done");
            return back ? HealthCheckResult.Healthy("存储可读写") : HealthCheckResult.Unhealthy("存储写入后读不到");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"存储不可写：{e.Message}");
        }
    }
}

/// <summary>Every font role has a face: a PDF cannot be set without one.</summary>
public sealed class FontsHealthCheck(DocumentRenderer renderer) : IHealthCheck
{
    public const string Name = "fonts";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = new List<string>();
        foreach (var role in Enum.GetValues<FontRole>())
        {
            try { renderer.Fonts.Primary(role); }
            catch (FontNotFoundException) { missing.Add(role.ToString()); }
        }
        StartPhases.Once("first fonts check done");
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy("每种字体角色都有字体")
            : HealthCheckResult.Unhealthy($"找不到字体：{string.Join("、", missing)}（请配置{ServiceSettings.FontDirectory}或安装字体）"));
    }
}

/// <summary>
/// The Word template of every edition is in the build and opens with its content controls: without one, no
/// .docx of that edition can be filled. Read through the process's template cache: the first check parses each
/// template once for every later render of its edition (and check), instead of a parse of its own on every probe.
/// </summary>
public sealed class TemplatesHealthCheck : IHealthCheck
{
    public const string Name = "templates";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var faults = Faults(e => DocGen.Core.Word.WordRenderer.EmbeddedTemplate(e.Id));
        StartPhases.Once("first templates check done");
        return Task.FromResult(faults.Count == 0
            ? HealthCheckResult.Healthy($"{DocGen.Core.Editions.EditionCatalog.All.Count}个版本的模板均已载入")
            : HealthCheckResult.Unhealthy($"模板有误：{string.Join("；", faults)}"));
    }

    /// <summary>What is wrong with the templates <paramref name="template"/> gives, one line per edition at fault.</summary>
    internal static List<string> Faults(Func<DocGen.Core.Editions.Edition, byte[]?> template)
    {
        var faults = new List<string>();
        foreach (var edition in DocGen.Core.Editions.EditionCatalog.All)
        {
            if (template(edition) is not { } bytes)
            {
                faults.Add($"{edition.Id}版本没有模板");
                continue;
            }
            try
            {
                if (!DocGen.Core.Word.WordRenderer.HasContentControls(bytes))
                    faults.Add($"{edition.Id}版本的模板没有内容控件");
            }
            catch (DocGen.Core.Word.WordTemplateException)
            {
                faults.Add($"{edition.Id}版本的模板不是可读取的Word文档");
            }
        }
        return faults;
    }
}
