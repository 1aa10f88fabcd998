#!/usr/bin/env bash
# Creates the two secrets the manifests reference (slm-keys, slm-connections) in the namespace, so that no secret is
# ever written in a manifest or a repository. Run it after the infrastructure is up and before the services:
#   deploy/k8s/create-secrets.sh            # in-cluster infrastructure: reads the operators' generated credentials
# Managed services instead: give their connection strings and the script uses them as they are:
#   SLM_POSTGRES='Host=...;Port=5432;Username=...;Password=...;SSL Mode=Require' \
#   SLM_MESSAGING='amqps://user:pass@host:5671' SLM_CACHE='host:6380,password=...,ssl=true' deploy/k8s/create-secrets.sh
# Keys that exist already are kept (rotating the surrogate or buffer keys would orphan what they sealed).
set -euo pipefail

namespace="${SLM_NAMESPACE:-slm}"
kube() { kubectl --namespace "$namespace" "$@"; }
secret_value() { kube get secret "$1" -o "jsonpath={.data.$2}" | base64 -d; }
random_key() { openssl rand -base64 32 | tr -d '\n'; }

if ! kube get secret slm-keys > /dev/null 2>&1; then
    kube create secret generic slm-keys \
        --from-literal=service-key-gateway="$(random_key)" \
        --from-literal=service-key-training="$(random_key)" \
        --from-literal=routing-prompt-key="$(random_key)" \
        --from-literal=scrubbing-surrogate-key="$(random_key)" \
        --from-literal=capture-buffer-key="$(random_key)" \
        --from-literal=cache-password="$(random_key | tr -d '/+=')" \
        --from-literal=upstream-api-key="${SLM_UPSTREAM_API_KEY:-}"
fi

postgres="${SLM_POSTGRES:-Host=postgres-rw;Port=5432;Username=$(secret_value postgres-superuser username);Password=$(secret_value postgres-superuser password)}"
messaging="${SLM_MESSAGING:-amqp://$(secret_value messaging-default-user username):$(secret_value messaging-default-user password)@messaging:5672}"
cache="${SLM_CACHE:-cache:6379,password=$(secret_value slm-keys cache-password)}"

kube create secret generic slm-connections \
    --from-literal=platformdb="$postgres;Database=platformdb" \
    --from-literal=callsdb="$postgres;Database=callsdb" \
    --from-literal=tasksdb="$postgres;Database=tasksdb" \
    --from-literal=trainingdb="$postgres;Database=trainingdb" \
    --from-literal=messaging="$messaging" \
    --from-literal=cache="$cache" \
    --dry-run=client -o yaml | kube apply -f -
