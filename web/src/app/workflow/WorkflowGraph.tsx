import type { WorkflowEdgeType } from '../../client';
import { formatDuration } from '../shared/format';
import { NODE_HEIGHT, NODE_WIDTH, type WorkflowLayout, nodeSeconds } from './workflowLayout';

const EDGE_TYPES: WorkflowEdgeType[] = ['success', 'failure', 'always'];

function path(points: { x: number; y: number }[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
}

/** The workflow's DAG: nodes coloured by state with their run time, edges coloured by type (success, failure, always). */
export function WorkflowGraph({ layout, selected, now, onSelect }: {
  layout: WorkflowLayout;
  selected: number | null;
  now: number;
  onSelect: (nodeId: number) => void;
}) {
  return (
    <div class="workflow-graph">
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label="Workflow graph"
      >
        <defs>
          {EDGE_TYPES.map((type) => (
            <marker id={`arrow-${type}`} class={`edge-arrow edge-arrow--${type}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" />
            </marker>
          ))}
        </defs>
        {layout.edges.map(({ edge, points }) => (
          <path
            class={`edge edge--${edge.type}`}
            data-edge={`${edge.from}-${edge.to}`}
            data-type={edge.type}
            d={path(points)}
            marker-end={`url(#arrow-${edge.type})`}
          />
        ))}
        {layout.nodes.map(({ node, x, y }) => (
          <g
            class={`node node--${node.state}${selected === node.id ? ' is-selected' : ''}`}
            data-node={node.id}
            data-state={node.state}
            transform={`translate(${x - NODE_WIDTH / 2}, ${y - NODE_HEIGHT / 2})`}
            role="button"
            tabIndex={0}
            aria-label={`${node.name}: ${node.state}`}
            onClick={() => onSelect(node.id)}
            onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && onSelect(node.id)}
          >
            <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx="8" />
            <text class="node__name" x="12" y="23">{node.name.length > 24 ? `${node.name.slice(0, 23)}…` : node.name}</text>
            <text class="node__meta" x="12" y="43">
              {node.kind === 'approval' ? 'approval · ' : ''}{node.state}{nodeSeconds(node, now) !== null ? ` · ${formatDuration(nodeSeconds(node, now))}` : ''}
            </text>
          </g>
        ))}
      </svg>
      <p class="legend">
        {EDGE_TYPES.map((type) => <span class={`legend__item legend__item--${type}`}>{type === 'success' ? 'on success' : type === 'failure' ? 'on failure' : 'always'}</span>)}
      </p>
    </div>
  );
}
