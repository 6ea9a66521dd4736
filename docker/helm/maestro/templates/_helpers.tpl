{{/* Labels of every object, as the Kustomize base's `labels`. */}}
{{- define "maestro.labels" -}}
app.kubernetes.io/name: maestro
app.kubernetes.io/part-of: maestro
{{- end }}

{{/* The selector of one app's pods; call with the app's name. */}}
{{- define "maestro.selector" -}}
app.kubernetes.io/component: {{ . }}
app.kubernetes.io/name: maestro
{{- end }}

{{/* The image of every container. */}}
{{- define "maestro.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/* The Postgres URL's environment variable; call with the root context. */}}
{{- define "maestro.postgresUrl" -}}
- name: MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL
{{- if .Values.postgres.url }}
  value: {{ .Values.postgres.url | quote }}
{{- else }}
  valueFrom: { secretKeyRef: { name: {{ .Values.secrets.postgresUrl.name }}, key: {{ .Values.secrets.postgresUrl.key }} } }
{{- end }}
{{- end }}

{{/* What every container of Maestro has alike: non-root, read-only root filesystem, /tmp as scratch. */}}
{{- define "maestro.podSecurity" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: 1000
  runAsGroup: 1000
  seccompProfile: { type: RuntimeDefault }
{{- end }}
{{- define "maestro.containerSecurity" -}}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities: { drop: [ALL] }
# The root filesystem is read-only; anything a library writes goes to this scratch space.
volumeMounts: [{ name: tmp, mountPath: /tmp }]
{{- end }}
