{{/* The release's name, cut to what Kubernetes allows in a name. */}}
{{- define "prodop.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "prodop.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "prodop.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "prodop.serviceAccountName" -}}
{{- default (include "prodop.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{/*
The Secrets the operator reads through the API (so that a rotated credential is picked up without a
restart): the git credentials and the catalog connections named in the values, as a JSON list.
*/}}
{{- define "prodop.secretNames" -}}
{{- $names := list -}}
{{- with .Values.git.credentialsSecret -}}{{- $names = append $names . -}}{{- end -}}
{{- range $kind := list "daq" "rawdata" "filecatalog" "ledger" -}}
{{- with (index $.Values.catalogs $kind).secret -}}{{- $names = append $names . -}}{{- end -}}
{{- end -}}
{{- range .Values.extraReadableSecrets -}}{{- $names = append $names . -}}{{- end -}}
{{- $names | uniq | toJson -}}
{{- end -}}

{{/*
The operating limits of the values as the operator reads them from PRODOP_LIMITS: key=value, comma
separated, in key order.
*/}}
{{- define "prodop.limits" -}}
{{- $pairs := list -}}
{{- range $key, $value := . -}}
{{- $pairs = append $pairs (printf "%s=%v" $key $value) -}}
{{- end -}}
{{- join "," $pairs -}}
{{- end -}}
