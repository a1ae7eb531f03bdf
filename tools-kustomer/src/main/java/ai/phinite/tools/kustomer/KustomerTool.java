package ai.phinite.tools.kustomer;

import ai.phinite.tools.annotations.Auth;
import ai.phinite.tools.annotations.Credential;
import ai.phinite.tools.annotations.JsonApi;
import ai.phinite.tools.annotations.RateLimit;
import ai.phinite.tools.annotations.Server;
import ai.phinite.tools.annotations.ServerVariant;
import ai.phinite.tools.annotations.Tool;

/**
 * The Kustomer predefined tool: 52 subtools over the Kustomer REST API v1, one super-interface
 * per resource, in the order of the product page.
 *
 * <p>Hosts, in order of precedence (the server's variants are tried in declaration order):
 *
 * <ol>
 *   <li>{@code https://{org_name}.api.kustomerapp.com/v1} when {@code org_name} is set: the org
 *       host always routes to the region the org lives in, so it wins over {@code region}.
 *       {@code org_name} must be one DNS label, so a connection value can never send the token to
 *       another host.
 *   <li>Otherwise the regional host of {@code region}: {@code eu} →
 *       {@code https://api.prod2.kustomerapp.com/v1}, {@code in} →
 *       {@code https://api.prod4.kustomerapp.com/v1}, {@code us} (the default) →
 *       {@code https://api.kustomerapp.com/v1}. All three are confirmed by Kustomer's developer
 *       docs, "Regions and base URLs" (developer.kustomer.com/docs/get-started/regions-and-base-urls:
 *       United States, European Union, India); the EU host also by "Getting started with Kustomer
 *       API" (Prod2) and by the Meltano tap and RudderStack. A key works only in its own region.
 * </ol>
 *
 * <p>Any other {@code region} value is refused when the connection is made, before anything is
 * sent ({@code invalid_connection} at {@code /region}, naming the allowed values), even when
 * {@code org_name} is set, since it is a mistake in the saved connection either way. Every request
 * authenticates with {@code Authorization: Bearer <api_token>}.
 */
@Tool(
    id = "kustomer",
    name = "Kustomer",
    toolClass = "KustomerTool",
    description = "Manage a Kustomer account — customers, conversations, messages, notes, tasks,"
        + " companies, tags, teams, users, and shortcuts — via the Kustomer API v1.",
    docsUrl = "https://developer.kustomer.com/")
@JsonApi // the API answers JSON:API documents (reference: "JSON:API-style envelopes")
@Credential(
    key = "api_token",
    label = "API Token",
    description = "A Kustomer API key (Settings → Platform → API Keys) with the roles the enabled"
        + " subtools need; sent as a bearer token. Kustomer shows the token only once.",
    secret = true)
@Credential(
    key = "org_name",
    label = "Organization Name",
    description = "Your organization name from the browser URL (yourorg in"
        + " yourorg.kustomerapp.com); requests then go to yourorg.api.kustomerapp.com, which"
        + " routes to your org's region. Lowercase letters, digits and '-'. Leave empty to use"
        + " the regional host chosen by Region.",
    required = false,
    pattern = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
@Credential(
    key = "task_klass",
    label = "Task Klass",
    description = "The custom-object klass that holds tasks (Kustomer has no task API: tasks are"
        + " custom objects, under /v1/klasses/{klass}); find yours with GET /v1/klasses.",
    required = false,
    defaultValue = "task")
@Credential(
    key = "region",
    label = "Region",
    description = "Where your Kustomer org's data lives; used only when Organization Name is empty"
        + " (the org's own host already routes to its region). us: United States,"
        + " api.kustomerapp.com (the default); eu: European Union, api.prod2.kustomerapp.com;"
        + " in: India, api.prod4.kustomerapp.com. An API key works only in its own region.",
    required = false,
    allowed = {"us", "eu", "in"},
    defaultValue = "us")
@Server(
    id = "api",
    url = "https://api.kustomerapp.com/v1",
    // the first variant that applies wins: org_name first, so it takes precedence over region
    variants = {
        @ServerVariant(credential = "org_name", url = "https://{org_name}.api.kustomerapp.com/v1"),
        @ServerVariant(credential = "region", equals = "eu", url = "https://api.prod2.kustomerapp.com/v1"),
        @ServerVariant(credential = "region", equals = "in", url = "https://api.prod4.kustomerapp.com/v1")},
    auth = @Auth(bearer = "api_token"),
    // Kustomer's budget is org-wide (300 to 2,000 requests a minute by plan, shared by every key
    // and app). One connection keeps to 250 a minute, below the smallest plan's budget, as the
    // Singer tap does, so one busy agent cannot throttle the whole org.
    rateLimit = @RateLimit(requests = 250, perSeconds = 60))
public interface KustomerTool
    extends Customers, Conversations, Messages, Notes, Tasks, Companies, Tags, Teams, Users,
        Shortcuts {}
