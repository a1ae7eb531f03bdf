package ai.phinite.tools.customerio;

import ai.phinite.tools.annotations.Auth;
import ai.phinite.tools.annotations.Credential;
import ai.phinite.tools.annotations.RateLimit;
import ai.phinite.tools.annotations.Server;
import ai.phinite.tools.annotations.ServerVariant;
import ai.phinite.tools.annotations.Tool;

/**
 * The Customer.io predefined tool: 24 subtools over two APIs, in the order of the product page.
 *
 * <ul>
 *   <li>{@link TrackApi} (server {@code track}, {@code https://track.customer.io/api/v1}): people,
 *       events, devices, merges and manual-segment membership; authenticates with
 *       {@code Authorization: Basic base64(site_id:track_api_key)} (standard Base64).
 *   <li>{@link AppApi} (server {@code app}, {@code https://api.customer.io/v1}): campaigns,
 *       broadcasts, transactional messages, segments, person attributes and message history;
 *       authenticates with {@code Authorization: Bearer <app_api_key>}.
 * </ul>
 *
 * <p>The {@code region} credential ({@code us} by default, or {@code eu}) routes both servers:
 * {@code eu} sends Track requests to {@code track-eu.customer.io} and App requests to
 * {@code api-eu.customer.io}. Any other value is refused when the connection is opened.
 *
 * <p>The connection test checks both key sets separately: {@code GET /accounts/region} on Track
 * and {@code GET /segments} ({@code list_segments}) on App, so the verdict says which set failed.
 */
@Tool(
    id = "customerio",
    name = "Customer.io",
    toolClass = "CustomerIoTool",
    description = "Manage Customer.io people, events, devices, segments, campaigns, transactional"
        + " messages, and message history via the Track and App APIs.",
    docsUrl = "https://docs.customer.io/")
@Credential(
    key = "site_id",
    label = "Track API Site ID",
    description = "The Site ID of a Track API key pair (Customer.io: Settings → Account Settings →"
        + " API Credentials); the user name of the Track API's Basic authentication.")
@Credential(
    key = "track_api_key",
    label = "Track API Key",
    description = "The API Key paired with the Site ID (Customer.io: Settings → Account Settings →"
        + " API Credentials); the password of the Track API's Basic authentication.",
    secret = true)
@Credential(
    key = "app_api_key",
    label = "App API Key",
    description = "An App API key (Customer.io: Settings → Account Settings → API Credentials →"
        + " App API Keys); sent to the App API as a bearer token. Customer.io shows it only once.",
    secret = true)
@Credential(
    key = "region",
    label = "Region",
    description = "Where the workspace's data is hosted: us (the default) or eu. eu sends requests"
        + " to track-eu.customer.io and api-eu.customer.io.",
    required = false,
    allowed = {"us", "eu"},
    defaultValue = "us")
@Server(
    id = "track",
    url = "https://track.customer.io/api/v1",
    variants = @ServerVariant(credential = "region", equals = "eu",
        url = "https://track-eu.customer.io/api/v1"),
    auth = @Auth(basicUsername = "site_id", basicPassword = "track_api_key"))
@Server(
    id = "app",
    url = "https://api.customer.io/v1",
    variants = @ServerVariant(credential = "region", equals = "eu",
        url = "https://api-eu.customer.io/v1"),
    auth = @Auth(bearer = "app_api_key"),
    // the App API's documented limit: 10 requests per second, 429 beyond
    rateLimit = @RateLimit(requests = 10, perSeconds = 1))
public interface CustomerIoTool extends TrackApi, AppApi {}
