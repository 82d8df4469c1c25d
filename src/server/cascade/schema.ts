import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date.js';
import { progressReportSchema } from '../progress/schema.js';
import { unitSchema } from '../units/schema.js';

const id = z.number().int();
const date = z.string().describe('YYYY-MM-DD');

export const superiorTaskLinkSchema = z
  .object({
    taskId: id.describe('An own task (of one of your organisation’s reports)'),
    reportId: id,
    reportTitle: z.string(),
    label: z.string().nullable(),
    text: z.string(),
    archived: z.boolean(),
    units: z
      .array(
        z.object({
          unitId: id,
          unitName: z.string(),
          role: z.enum(['lead', 'cooperating']),
          latest: z
            .object({
              periodId: id,
              periodLabel: z.string(),
              status: z.enum(['draft', 'submitted', 'returned', 'approved']),
            })
            .nullable()
            .describe('Its report in the latest period it reported in'),
        }),
      )
      .describe('The own units the office gave the task to'),
  })
  .meta({ id: 'SuperiorTaskLink' });

export const superiorTaskSchema = z
  .object({
    id,
    organisationId: id.describe('The organisation that received it'),
    status: z.enum(['pending', 'accepted']).describe('pending = 待接收, accepted = 已接收'),
    referenceNumber: z.string().nullable().describe('The superior’s number, e.g. 市折子工程编号'),
    acceptedAt: z.string().nullable(),
    acceptedBy: id.nullable(),
    version: id,
    createdAt: z.string(),
    updatedAt: z.string(),
    withdrawn: z.boolean().describe('The superior took the assignment back: read-only from then on'),
    assignment: z.object({
      id,
      role: z.enum(['lead', 'cooperating']).describe('牵头 or 配合'),
      unitId: id.describe('The unit representing your organisation in the superior’s ledger'),
      unitName: z.string(),
      leadOfficial: z.string().nullable().describe('牵头领导'),
      deadline: date.nullable().describe('完成时限'),
    }),
    source: z.object({
      organisationId: id.nullable(),
      organisationName: z.string().nullable(),
      reportId: id,
      reportTitle: z.string(),
      reportYear: z.number().int().nullable(),
      taskId: id,
      taskLabel: z.string().nullable(),
      taskText: z.string(),
      areaTitle: z.string().nullable(),
    }),
    links: z.array(superiorTaskLinkSchema),
    periods: z
      .array(
        z.object({
          periodId: id,
          label: z.string(),
          startsOn: date,
          endsOn: date,
          dueOn: date.nullable(),
          periodStatus: z.string(),
          progressReportId: id.nullable(),
          progressStatus: z.enum(['draft', 'submitted', 'returned', 'approved']).nullable(),
        }),
      )
      .describe('The superior’s periods in which the task is reported up, with the report up in each'),
  })
  .meta({ id: 'SuperiorTask' });

export const superiorTaskListSchema = z.object({ superiorTasks: z.array(superiorTaskSchema) });

export const superiorTaskListQuerySchema = z.object({
  status: z.enum(['pending', 'accepted']).optional(),
});

export const superiorTaskParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const superiorTaskLinkParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  taskId: z.coerce.number().int().positive(),
});
export const superiorTaskPeriodParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  periodId: z.coerce.number().int().positive().describe('A period of the superior’s report'),
});

const referenceNumber = z.string().max(100).nullable();

export const acceptSuperiorTaskBodySchema = z.object({
  version: z.number().int().positive(),
  referenceNumber: referenceNumber.optional(),
});

export const updateSuperiorTaskBodySchema = z.object({
  version: z.number().int().positive(),
  referenceNumber,
});

export const linkSuperiorTaskBodySchema = z.object({
  taskIds: z
    .array(z.number().int().positive())
    .min(1)
    .max(200)
    .describe('Tasks of your own reports that carry the superior task out'),
});

export const decomposeSuperiorTaskBodySchema = z.object({
  reportId: z
    .number()
    .int()
    .positive()
    .describe('Your own report that receives the tasks (area 上级交办任务)'),
  tasks: z
    .array(
      z.object({
        text: z.string().trim().min(1).max(2000),
        deadline: calendarDateSchema.nullable().optional().describe('完成时限'),
        targets: z
          .array(
            z.object({
              subject: z.string().trim().min(1).max(200),
              value: z.number().finite(),
              unit: z.string().trim().min(1).max(20),
              comparator: z.enum(['=', '>=', '<=', '>', '<', '~', 'between']).optional(),
              change: z.enum(['increase', 'decrease', 'growth-rate', 'level']).optional(),
              max: z.number().finite().nullable().optional(),
            }),
          )
          .max(20)
          .optional()
          .describe('量化目标: a target in the superior target’s unit is summed into the report up'),
      }),
    )
    .min(1)
    .max(100),
});

export const decomposeResultSchema = z.object({
  areaId: id,
  taskIds: z.array(id).describe('The new tasks, to assign to your units as any task'),
  superiorTask: superiorTaskSchema,
});

const text = z.string().max(20_000);

export const reportUpSchema = z
  .object({
    superiorTask: superiorTaskSchema,
    period: z.object({
      id,
      label: z.string(),
      startsOn: date,
      endsOn: date,
      dueOn: date.nullable(),
      status: z.string(),
    }),
    draft: z
      .object({
        narrative: z.string(),
        problems: z.string(),
        nextSteps: z.string(),
        percent: z.number().nullable(),
        values: z.array(
          z.object({
            targetId: id.describe('A target of the superior task'),
            subject: z.string(),
            unit: z.string(),
            value: z.number().nullable(),
            summed: z.number().int().describe('How many own reported values went into the sum'),
          }),
        ),
      })
      .describe(
        'Consolidated from your units’ APPROVED reports on the linked tasks: texts gathered, figures summed',
      ),
    sources: z.array(
      z.object({
        progressReportId: id,
        taskId: id,
        taskText: z.string(),
        unitId: id,
        unitName: z.string(),
        periodId: id,
        periodLabel: z.string(),
        narrative: z.string(),
        problems: z.string(),
        nextSteps: z.string(),
        percent: z.number().nullable(),
        values: z.array(
          z.object({ targetId: id, subject: z.string(), unit: z.string(), value: z.number().nullable() }),
        ),
      }),
    ),
    gaps: z
      .array(
        z.object({
          taskId: id,
          unitId: id,
          unitName: z.string(),
          status: z.enum(['draft', 'submitted', 'returned', 'approved']).nullable(),
          periodId: id.nullable(),
        }),
      )
      .describe('Units of linked tasks whose report is not approved yet (left out of the draft)'),
    current: progressReportSchema
      .nullable()
      .describe('The report up as saved (the representative unit’s progress report), once there is one'),
  })
  .meta({ id: 'ReportUp' });

export const saveReportUpBodySchema = z.object({
  version: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('The version of the saved report up; omit to create'),
  narrative: text.optional(),
  problems: text.optional(),
  nextSteps: text.optional(),
  percent: z.number().min(0).max(100).nullable().optional(),
  values: z
    .array(z.object({ targetId: z.number().int().positive(), value: z.number().finite().nullable() }))
    .max(200)
    .optional()
    .describe('Values for the superior task’s targets'),
});

export const submitReportUpBodySchema = z.object({ version: z.number().int().positive() });

export const decompositionParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const decompositionSchema = z
  .object({
    organisation: z.object({ id, name: z.string(), parentId: id.nullable() }),
    superiorTasks: z.array(superiorTaskSchema),
  })
  .meta({ id: 'SubordinateDecomposition' });

export const representBodySchema = z.object({
  version: z.number().int().positive(),
  organisationId: z
    .number()
    .int()
    .positive()
    .nullable()
    .describe('A direct subordinate of your organisation, or null for an ordinary unit'),
});

export const representedUnitSchema = unitSchema.extend({ representsOrganisationId: id.nullable() });
