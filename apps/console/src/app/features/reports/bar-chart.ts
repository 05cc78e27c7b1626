import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  effect,
  input,
  viewChild,
} from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { TPipe } from '../../core/i18n/t.pipe';
import { ChartModel } from './report-charts';

// Only what bar charts need, so the rest of chart.js stays out of the reports chunk.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export function chartConfig(
  model: ChartModel,
  horizontal = false,
): ChartConfiguration<'bar'> {
  const valueAxis = {
    stacked: model.stacked,
    beginAtZero: true,
    ...(model.percent
      ? { max: 100, ticks: { callback: (v: string | number) => `${v}%` } }
      : { ticks: { precision: 0 } }),
  };
  return {
    type: 'bar',
    data: {
      labels: model.labels,
      datasets: model.series.map((s) => ({
        label: s.label,
        data: s.data,
        backgroundColor: s.color,
        borderWidth: 0,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: model.series.length > 1, position: 'bottom' },
      },
      scales: horizontal
        ? { x: valueAxis, y: { stacked: model.stacked } }
        : { x: { stacked: model.stacked }, y: valueAxis },
    },
  };
}

/**
 * One bar chart with its text alternatives: a one-line summary as the canvas's accessible name,
 * and the same numbers as a table behind a disclosure.
 */
@Component({
  selector: 'pl-bar-chart',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="canvas-box" [style.height.px]="height()">
      <canvas #canvas role="img" [attr.aria-label]="summary()"></canvas>
    </div>
    <details>
      <summary>{{ 'reports.showTable' | t }}</summary>
      <div class="table-wrap">
        <table>
          <caption class="sr-only">
            {{
              summary()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ axisLabel() }}</th>
              @for (s of model().series; track $index) {
                <th scope="col">{{ s.label }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (
              label of model().tableLabels ?? model().labels;
              track $index;
              let i = $index
            ) {
              <tr>
                <th scope="row">{{ label }}</th>
                @for (s of model().series; track $index) {
                  <td>{{ s.data[i] }}{{ model().percent ? '%' : '' }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </details>
  `,
  styles: `
    :host {
      display: block;
    }
    .canvas-box {
      position: relative;
    }
    details {
      margin-top: 0.5rem;
      font-size: 0.8125rem;
    }
    summary {
      color: var(--pl-accent);
      cursor: pointer;
    }
    .table-wrap {
      max-height: 16rem;
      overflow: auto;
    }
    table {
      border-collapse: collapse;
      margin-top: 0.5rem;
    }
    th,
    td {
      padding: 0.25rem 0.5rem;
      border-bottom: 1px solid var(--pl-border);
      text-align: right;
      white-space: nowrap;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: left;
    }
  `,
})
export class BarChart implements OnDestroy {
  readonly model = input.required<ChartModel>();
  readonly summary = input.required<string>();
  readonly axisLabel = input.required<string>();
  readonly horizontal = input(false);
  readonly height = input(260);

  private readonly canvas =
    viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  #chart: Chart<'bar'> | null = null;

  constructor() {
    effect(() => {
      const config = chartConfig(this.model(), this.horizontal());
      if (this.#chart) {
        this.#chart.data = config.data;
        this.#chart.options = config.options ?? {};
        this.#chart.update();
      } else {
        this.#chart = new Chart(this.canvas().nativeElement, config);
      }
    });
  }

  ngOnDestroy(): void {
    this.#chart?.destroy();
    this.#chart = null;
  }
}
