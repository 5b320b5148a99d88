namespace DocGen.Functions.Api;

/// <summary>
/// How much work the service takes on, from configuration: requests per key (429 beyond), renders at once
/// per instance with a short queue (503 beyond) and the longest a render may take.
/// </summary>
public sealed record OperatingLimits(int RequestsPerMinute, int Burst, int RendersInFlight, int RenderQueue, TimeSpan RenderDeadline)
{
    /// <summary>What a refused caller is told to wait before it tries again when the renders are all busy.</summary>
    public static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(2);

    public static OperatingLimits From(IConfiguration config)
    {
        var limits = new OperatingLimits(
            config.GetValue<int?>(ServiceSettings.RequestsPerMinute) ?? ServiceSettings.DefaultRequestsPerMinute,
            config.GetValue<int?>(ServiceSettings.RequestBurst) ?? ServiceSettings.DefaultRequestBurst,
            config.GetValue<int?>(ServiceSettings.RendersInFlight) ?? Environment.ProcessorCount,
            config.GetValue<int?>(ServiceSettings.RenderQueue) ?? ServiceSettings.DefaultRenderQueue,
            TimeSpan.FromSeconds(config.GetValue<double?>(ServiceSettings.RenderDeadlineSeconds) ?? ServiceSettings.DefaultRenderDeadlineSeconds));
        if (limits.RequestsPerMinute < 0 || limits.Burst < 1 || limits.RendersInFlight < 1 || limits.RenderQueue < 0 || limits.RenderDeadline <= TimeSpan.Zero)
            throw new InvalidOperationException(
                $"{ServiceSettings.RequestsPerMinute}不能为负数，{ServiceSettings.RequestBurst}和{ServiceSettings.RendersInFlight}至少为1，" +
                $"{ServiceSettings.RenderQueue}不能为负数，{ServiceSettings.RenderDeadlineSeconds}应大于0");
        return limits;
    }
}
