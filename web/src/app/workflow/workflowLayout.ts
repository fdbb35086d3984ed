import { graphlib, layout } from '@dagrejs/dagre';
import type { Workflow, WorkflowEdge, WorkflowNode, WorkflowNodeChanged } from '../../client';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 58;

export interface PlacedNode {
  node: WorkflowNode;
  /** Centre. */
  x: number;
  y: number;
}

export interface PlacedEdge {
  edge: WorkflowEdge;
  points: { x: number; y: number }[];
}

export interface WorkflowLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Left-to-right layers, as AWX draws a workflow; two edges of different types between the same nodes both show. */
export function layoutWorkflow(workflow: Workflow): WorkflowLayout {
  const graph = new graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 70, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of workflow.nodes) {
    graph.setNode(String(node.id), { width: NODE_WIDTH, height: NODE_HEIGHT });
  }
  const known = new Set(workflow.nodes.map((node) => node.id));
  const edges = workflow.edges.filter((edge) => known.has(edge.from) && known.has(edge.to));
  for (const edge of edges) {
    graph.setEdge(String(edge.from), String(edge.to), {}, edge.type);
  }
  layout(graph);
  const size = graph.graph();
  return {
    width: size.width ?? 0,
    height: size.height ?? 0,
    nodes: workflow.nodes.map((node) => {
      const placed = graph.node(String(node.id));
      return { node, x: placed.x, y: placed.y };
    }),
    edges: edges.map((edge) => ({
      edge,
      points: (graph.edge(String(edge.from), String(edge.to), edge.type).points ?? []) as { x: number; y: number }[],
    })),
  };
}

/** The nodes in the order they ran (started first), then those not started, by id. */
export function stepOrder(nodes: readonly WorkflowNode[]): WorkflowNode[] {
  return [...nodes].sort((a, b) => {
    if (a.started_at && b.started_at) {
      return a.started_at.localeCompare(b.started_at) || a.id - b.id;
    }
    if (a.started_at || b.started_at) {
      return a.started_at ? -1 : 1;
    }
    return a.id - b.id;
  });
}

/** A node's run time: AWX's own when given, else from its start and end (or now while it runs). */
export function nodeSeconds(node: WorkflowNode, now: number): number | null {
  if (node.elapsed_seconds !== undefined && node.elapsed_seconds !== null) {
    return node.elapsed_seconds;
  }
  if (!node.started_at) {
    return null;
  }
  const end = node.finished_at ? Date.parse(node.finished_at) : now;
  return Math.max(0, (end - Date.parse(node.started_at)) / 1000);
}

/** Applies a pushed node change; false when the node is not in the graph (the graph must be loaded again). */
export function applyNodeChange(workflow: Workflow, change: WorkflowNodeChanged): Workflow | null {
  if (!workflow.nodes.some((node) => node.id === change.node_id)) {
    return null;
  }
  return {
    ...workflow,
    nodes: workflow.nodes.map((node) => node.id !== change.node_id ? node : {
      ...node,
      state: change.state,
      job_id: change.job_id ?? node.job_id,
      started_at: change.started_at ?? node.started_at,
      finished_at: change.finished_at ?? node.finished_at,
      elapsed_seconds: change.elapsed_seconds ?? node.elapsed_seconds,
      approval: change.approval
        ? {
          id: change.approval.approval_id,
          name: change.approval.name,
          status: change.approval.status,
          description: change.approval.description,
          timeout_seconds: change.approval.timeout_seconds,
          timed_out: change.approval.timed_out,
          expires_at: change.approval.expires_at,
          decided_by: node.approval?.decided_by ?? null,
          comment: node.approval?.comment ?? null,
          decided_at: node.approval?.decided_at ?? null,
        }
        : node.approval,
    }),
  };
}
