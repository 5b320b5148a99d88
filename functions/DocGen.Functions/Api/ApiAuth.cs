namespace DocGen.Functions.Api;

/// <summary>The caller that <see cref="ApiRoutes.RunAsync"/> found from the request's x-api-key.</summary>
public static class ApiAuth
{
    public static Caller Caller(this HttpContext http) =>
        http.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException("operation without Access.Key");

    /// <summary>A route value by name: set by routing standalone, and by the function adapter from its trigger binding in the worker.</summary>
    public static string Route(this HttpContext http, string name) =>
        http.Request.RouteValues[name]?.ToString() ?? throw new InvalidOperationException($"route value {name} missing");

    /// <summary>A service of the request (handlers take no injected parameters, so both front ends call them alike).</summary>
    public static T Service<T>(this HttpContext http) where T : notnull => http.RequestServices.GetRequiredService<T>();
}
