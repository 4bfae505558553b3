# FlowConfigs gateway: ASP.NET Core + co-hosted Orleans silo + the web app, as one image.
# Build from the repository root:  docker build -t flowconfigs-gateway .

# The web app (React + Vite) needs a newer Node than Debian's; build it in its own stage.
FROM node:20-bookworm-slim AS web
WORKDIR /src/src/FlowConfigs.Web
COPY src/FlowConfigs.Web/package.json src/FlowConfigs.Web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/FlowConfigs.Web/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so source edits do not invalidate the package layer.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/FlowConfigs.Domain/FlowConfigs.Domain.csproj src/FlowConfigs.Domain/
COPY src/FlowConfigs.Grains/FlowConfigs.Grains.csproj src/FlowConfigs.Grains/
COPY src/FlowConfigs.Gateway/FlowConfigs.Gateway.csproj src/FlowConfigs.Gateway/
RUN dotnet restore src/FlowConfigs.Gateway/FlowConfigs.Gateway.csproj
COPY src/FlowConfigs.Domain/ src/FlowConfigs.Domain/
COPY src/FlowConfigs.Grains/ src/FlowConfigs.Grains/
COPY src/FlowConfigs.Gateway/ src/FlowConfigs.Gateway/
RUN dotnet publish src/FlowConfigs.Gateway/FlowConfigs.Gateway.csproj -c Release -o /app --no-restore -p:SkipWebBuild=true
COPY --from=web /src/src/FlowConfigs.Web/dist/ /app/web/
# A writable data directory for the non-root user (SQLite when run alone; the development issuer's key).
RUN mkdir -p /data

# Chiseled: no shell, no package manager, runs as the non-root "app" user (uid 1654).
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --from=build --chown=1654:1654 /data /data
ENV FlowConfigs__Ports__BindAddress=0.0.0.0 \
    FlowConfigs__Ports__Public=8080 \
    FlowConfigs__Ports__Internal=8081 \
    FlowConfigs__Storage__DataDirectory=/data
# 8080 API and web app, 8081 /internal/* for the Lambda, 11111 silo-to-silo, 30000 Orleans gateway.
EXPOSE 8080 8081 11111 30000
USER 1654
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["dotnet", "FlowConfigs.Gateway.dll", "health-check"]
ENTRYPOINT ["dotnet", "FlowConfigs.Gateway.dll"]
