using System.Threading.RateLimiting;

namespace DocGen.Functions.Api;

/// <summary>
/// The per-key rate limit: a token bucket for each x-api-key (<see cref="OperatingLimits.Burst"/> requests at once,
/// refilled at <see cref="OperatingLimits.RequestsPerMinute"/>), so one portal's burst cannot starve the others.
/// One per instance; <see cref="ApiRoutes.RunAsync"/> asks it once the key is known, for both front ends.
/// </summary>
public sealed class KeyRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public KeyRateLimiter(OperatingLimits limits)
    {
        if (limits.RequestsPerMinute == 0) return; // 0: no limit
        // Refill in small steps, so a caller waits seconds rather than a minute.
        var period = TimeSpan.FromSeconds(Math.Max(1, 60.0 / limits.RequestsPerMinute));
        int perPeriod = Math.Max(1, (int)Math.Round(limits.RequestsPerMinute * period.TotalSeconds / 60));
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Burst,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }), StringComparer.Ordinal);
    }

    /// <summary>Null when the key may go on, else how long it should wait.</summary>
    public TimeSpan? Refuse(string key)
    {
        if (_limiter is null) return null;
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter?.Dispose();
}
