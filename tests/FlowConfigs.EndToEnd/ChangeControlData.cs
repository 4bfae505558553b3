using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace FlowConfigs.EndToEnd;

/// <summary>
/// Configs that need approval, each test's own: a namespace of ids (<c>cc-&lt;guid&gt;/</c>) nobody else uses, an approval rule
/// for exactly that namespace added beside the collection's other rules, and users whose access covers only it. Other
/// browser tests save configs directly; no rule here can reach their ids.
/// </summary>
internal sealed class ChangeControlData(BrowserFixture browser, string scope)
{
    /// <summary>Writes the draft and submits it; Edit on the namespace only.</summary>
    public const string Author = "erin";

    /// <summary>Full on the namespace only: reviews, approves, rejects, publishes.</summary>
    public const string Approver = "victor";

    public string Pattern => scope + "/*";

    /// <summary>A fresh namespace with one live config (the test branch of <see cref="TestConfigs"/>), then the rule that
    /// makes every change under it need <paramref name="approvers"/> approvals.</summary>
    public static async Task<(ChangeControlData Data, string Id)> CreateAsync(BrowserFixture browser, string name, string? timeZone = null, int approvers = 1)
    {
        var data = new ChangeControlData(browser, "cc-" + Guid.NewGuid().ToString("N")[..8]);
        var id = await data.CreateConfigAsync(name, timeZone);
        await data.RequireApprovalAsync(approvers);
        return (data, id);
    }

    /// <summary>A config of a fresh namespace whose draft (maxWaitTime 600 → 300) the author has submitted with a comment.</summary>
    public static async Task<string> SubmittedDraftAsync(BrowserFixture browser, string name)
    {
        var (data, id) = await CreateAsync(browser, name);
        await data.SaveDraftAsync(id, "300");
        await data.SubmitAsync(id, "Shorter wait for the winter peak.");
        return id;
    }

    /// <summary>A config saved directly (before the rule exists, as any config was before change control covered it).</summary>
    public async Task<string> CreateConfigAsync(string name, string? timeZone = null)
    {
        var id = $"{scope}/{name}";
        var document = TestConfigs.Branch("false");
        if (timeZone is not null) document["timeZone"] = timeZone;
        using var client = await ClientAsync("setup", ["FlowConfigAdmin"]);
        await ExpectAsync(await client.PostAsJsonAsync(ConfigPath(id), document), HttpStatusCode.Created);
        return id;
    }

    /// <summary>Adds this namespace's rule first in the settings, keeping every other rule as it is.</summary>
    public Task RequireApprovalAsync(int approvers) => AddApprovalRuleAsync(browser, Pattern, approvers);

    /// <summary>Adds an approval rule first in the settings (so it decides for the ids it matches), keeping every other rule.</summary>
    public static async Task AddApprovalRuleAsync(BrowserFixture browser, string pattern, int approvers)
    {
        using var client = browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("setup", ["FlowConfigAdmin"]));
        var settings = JsonNode.Parse(await client.GetStringAsync("/api/settings"))!.AsObject();
        var rules = settings["approvals"] as JsonArray ?? [];
        rules.Insert(0, new JsonObject { ["pattern"] = pattern, ["approvers"] = approvers });
        settings["approvals"] = rules.DeepClone();
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/settings") { Content = Json(settings) };
        request.Headers.IfMatch.Add(new($"\"{settings["version"]}\""));
        await ExpectAsync(await client.SendAsync(request), HttpStatusCode.OK);
    }

    /// <summary>The author's draft of <paramref name="id"/>: the live config with maxWaitTime changed.</summary>
    public async Task SaveDraftAsync(string id, string maxWaitTime, string by = Author)
    {
        using var client = await UserAsync(by);
        var document = JsonNode.Parse(await client.GetStringAsync(ConfigPath(id)))!.AsObject();
        document["variables"]!["maxWaitTime"] = maxWaitTime;
        var request = new HttpRequestMessage(HttpMethod.Put, ConfigPath(id) + "/draft") { Content = Json(document) };
        request.Headers.IfNoneMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);
        await ExpectAsync(await client.SendAsync(request), HttpStatusCode.Created);
    }

    public Task SubmitAsync(string id, string comment, string by = Author) => ReviewAsync(id, "submit", comment, by);

    public Task ApproveAsync(string id, string comment, string by = Approver) => ReviewAsync(id, "approve", comment, by);

    /// <summary>Publishes now (200) as <paramref name="by"/>.</summary>
    public async Task PublishAsync(string id, string by = Approver)
    {
        using var client = await UserAsync(by);
        await ExpectAsync(await client.PostAsync(ConfigPath(id) + "/draft/publish", Json(new JsonObject())), HttpStatusCode.OK);
    }

    public async Task ReviewAsync(string id, string action, string comment, string by)
    {
        using var client = await UserAsync(by);
        await ExpectAsync(await client.PostAsync(ConfigPath(id) + "/draft/" + action, Json(new JsonObject { ["comment"] = comment })), HttpStatusCode.OK);
    }

    /// <summary>The draft as the API has it, or null when there is none.</summary>
    public async Task<JsonObject?> DraftAsync(string id)
    {
        using var client = await ClientAsync("check", ["FlowConfigAdmin"]);
        var response = await client.GetAsync(ConfigPath(id) + "/draft");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    /// <summary>Signs in through the app as one of this namespace's users.</summary>
    public Task<Microsoft.Playwright.IPage> SignInAsync(string username) => username switch
    {
        Author => SignIn.AsAsync(browser, Author, [], edit: Pattern),
        Approver => SignIn.AsAsync(browser, Approver, [], full: Pattern),
        _ => throw new ArgumentOutOfRangeException(nameof(username), username, "Sign in other users with SignIn.AsAsync."),
    };

    /// <summary>An API client for one of this namespace's users, with the same access the app's sign-in gives them.</summary>
    public Task<HttpClient> UserAsync(string username) => username switch
    {
        Author => ClientAsync(Author, [], ("FlowConfigEdit", Pattern)),
        Approver => ClientAsync(Approver, [], ("FlowConfigFull", Pattern)),
        _ => ClientAsync(username, ["FlowConfigAdmin"]),
    };

    private async Task<HttpClient> ClientAsync(string username, string[] groups, params (string Tag, string Patterns)[] tags)
    {
        using var anonymous = browser.Gateway.PublicClient();
        var tagObject = new JsonObject();
        foreach (var (tag, patterns) in tags) tagObject[tag] = patterns;
        var response = await anonymous.PostAsync("/api/dev/token", Json(new JsonObject
        {
            ["username"] = username,
            ["groups"] = new JsonArray(groups.Select(g => (JsonNode)g).ToArray()),
            ["tags"] = tagObject,
        }));
        await ExpectAsync(response, HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        return browser.Gateway.PublicClient(token);
    }

    public static string ConfigPath(string id) => "/api/flow-config/" + Uri.EscapeDataString(id);

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>Checks the status, naming the request and the gateway's answer when it differs; the caller may read on.</summary>
    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
