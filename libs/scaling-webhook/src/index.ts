// The public API of @maestro/scaling-webhook: the ScalingWebhook port over HTTP (autoscaling.md, "webhook").
export { HttpScalingWebhook, type HttpScalingWebhookOptions } from './http-scaling.webhook';
