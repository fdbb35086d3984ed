#!/usr/bin/env node
// Validates every document of a YAML stream (kustomize's output, on stdin or in the files named) against the schema
// of its apiVersion and kind: Kubernetes' own from kubernetes-models, KEDA's and the Prometheus Operator's from their
// @kubernetes-models packages. A kind without a schema here is an error, so nothing passes unchecked. The PromQL of
// PrometheusRules, and of Grafana dashboards (the .json files named), must parse with Prometheus' own PromQL grammar.
import { readFileSync } from "node:fs";
import { parser as promql } from "@prometheus-io/lezer-promql";
import { parseAllDocuments } from "yaml";

const packageOfGroup = {
  "keda.sh": "@kubernetes-models/keda",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const module = group === "" ? `kubernetes-models/${version}` : `${packageOfGroup[group] ?? "kubernetes-models"}/${group}/${version}`;
  let models;
  try {
    models = await import(module);
  } catch {
    throw new Error(`no schema for apiVersion ${apiVersion}`);
  }
  const model = models[kind];
  if (!model) {
    throw new Error(`no schema for kind ${kind} in ${apiVersion}`);
  }
  return model;
}

// Grafana's interval variables stand where PromQL needs a duration.
function promqlErrors(expr) {
  const tree = promql.parse(expr.replaceAll("$__rate_interval", "5m").replaceAll("$__interval", "1m"));
  let errors = 0;
  tree.iterate({ enter: (node) => { if (node.type.isError) errors++; } });
  return errors;
}

function checkQueries(exprs) {
  const broken = exprs.filter((expr) => promqlErrors(expr) > 0);
  if (broken.length > 0) {
    throw new Error(`PromQL that does not parse: ${broken.join(" | ")}`);
  }
}

function dashboardQueries(panels) {
  return panels.flatMap((panel) => [...(panel.targets ?? []).map((target) => target.expr), ...dashboardQueries(panel.panels ?? [])]);
}

const sources = process.argv.length > 2 ? process.argv.slice(2) : ["/dev/stdin"];
let failures = 0;
let checked = 0;
for (const source of sources) {
  if (source.endsWith(".json")) {
    try {
      const queries = dashboardQueries(JSON.parse(readFileSync(source, "utf8")).panels ?? []);
      checkQueries(queries);
      checked++;
      console.log(`valid   dashboard ${source} (${queries.length} queries)`);
    } catch (error) {
      failures++;
      console.error(`invalid dashboard ${source}: ${error.message}`);
    }
    continue;
  }
  for (const document of parseAllDocuments(readFileSync(source, "utf8"))) {
    if (document.errors.length > 0) {
      console.error(`${source}: not YAML: ${document.errors.map((error) => error.message).join("; ")}`);
      failures++;
      continue;
    }
    const manifest = document.toJS();
    if (manifest === null) {
      continue;
    }
    const name = `${manifest.kind ?? "?"}/${manifest.metadata?.name ?? "?"}`;
    try {
      const Model = await modelOf(manifest.apiVersion ?? "", manifest.kind ?? "");
      new Model(manifest).validate();
      if (manifest.kind === "PrometheusRule") {
        checkQueries(manifest.spec.groups.flatMap((group) => group.rules.map((rule) => rule.expr)));
      }
      checked++;
      console.log(`valid   ${name}`);
    } catch (error) {
      failures++;
      console.error(`invalid ${name}: ${error.message}`);
    }
  }
}
console.log(`${checked} valid, ${failures} invalid`);
process.exit(failures > 0 || checked === 0 ? 1 : 0);
