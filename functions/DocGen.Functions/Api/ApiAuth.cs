namespace DocGen.Functions.Api;

/// <summary>Requires a known x-api-key on a route group and makes the caller available to its handlers.</summary>
public static class ApiAuth
{
    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            string? presented = http.Request.Headers[ApiKeys.Header];
            if (string.IsNullOrEmpty(presented)) return Problems.MissingKey();
            var caller = http.RequestServices.GetRequiredService<ApiKeys>().Find(presented);
            if (caller is null) return Problems.UnknownKey();
            http.Items[typeof(Caller)] = caller;
            return await next(context);
        });
        return group;
    }

    public static Caller Caller(this HttpContext http) =>
        http.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException("route without RequireApiKey");
}
