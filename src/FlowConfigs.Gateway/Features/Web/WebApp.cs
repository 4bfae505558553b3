using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Web;

/// <summary>
/// Serves the React app on the public port: its built files, and index.html for any other non-API path so deep
/// links work. Its pages may run only their own scripts and styles, talk only to the gateway and the sign-in provider,
/// and be framed only by the Connect Agent Workspace.
/// </summary>
internal static class WebApp
{
    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
        builder.Services.AddSingleton<ContentSecurityPolicy>();
        return builder;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
        var policy = app.Services.GetRequiredService<ContentSecurityPolicy>();
        app.Use((context, next) =>
        {
            // GetConfig answers carry no page. An endpoint with a policy of its own (the API reference page) replaces this one.
            if (!context.Request.Path.StartsWithSegments("/internal"))
                context.Response.Headers.ContentSecurityPolicy = policy.Current;
            return next(context);
        });

        if (!File.Exists(Path.Combine(options.RootPath, "index.html")))
        {
            app.Logger.LogWarning("The web app is not built ({Path} is missing); only the API is served.", options.RootPath);
            return app;
        }
        var files = new PhysicalFileProvider(Path.GetFullPath(options.RootPath));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Vite fingerprints everything under assets/; index.html must always be revalidated.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        var index = files.GetFileInfo("index.html");
        app.MapFallback(async context =>
        {
            // Unknown server paths stay 404 problems; only page routes of the app get index.html.
            if (IsServerPath(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ContentSecurityPolicy = await policy.ForPageAsync(context.RequestAborted);
            await context.Response.SendFileAsync(index);
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).ExcludeFromDescription();
        return app;
    }

    private static bool IsServerPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/internal") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/dev-issuer") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/assets");
}
