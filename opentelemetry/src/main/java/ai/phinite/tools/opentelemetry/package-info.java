/**
 * OpenTelemetry for tool calls: {@link ai.phinite.tools.opentelemetry.OpenTelemetryCallListener}
 * reports each call as a GenAI {@code execute_tool} span and as metrics. See
 * {@code docs/operations.md} for every span attribute, event and metric.
 */
package ai.phinite.tools.opentelemetry;
