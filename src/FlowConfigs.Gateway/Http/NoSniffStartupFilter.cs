namespace FlowConfigs.Gateway.Http;

/// <summary>
/// <c>X-Content-Type-Options: nosniff</c> on every response of both ports. A startup filter, because middleware the
/// app adds runs after the authentication and authorization the host puts first, and a 401 challenge never reaches
/// it; the header is set as the response starts, because the exception handler clears headers set before.
/// </summary>
internal sealed class NoSniffStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            }, context.Response);
            return nextMiddleware(context);
        });
        next(app);
    };
}
