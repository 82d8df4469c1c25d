/**
 * The 上级交办 rows of the role × organisation × route matrix (organisation-matrix.test.ts): the
 * root hands a task down to the district below it, so the superior-task routes belong to the
 * district (D) and the routes a superior uses about its subordinate to the root (R). Kept out of
 * the test file so that access-matrix.test.ts counts these routes as covered.
 */

export type MatrixOrg = 'R' | 'D';
export type MatrixRoleName = 'admin' | 'leader' | 'reporter' | 'head';

/** The ids of one organisation's data, made through the API before the matrix runs. */
export interface MatrixOrgData {
  reportId: number;
  /** Led by `unit` (whose reporter and head are the fixture's unit users). */
  taskId: number;
  /** A task nobody is assigned to yet (the admin assigns it to `spareUnit` in the matrix). */
  freeTaskId: number;
  unit: number;
  spareUnit: number;
  assignmentId: number;
  /** An open period of the organisation's report. */
  periodId: number;
  /** A progress report of `unit` on `taskId`, submitted (so the office may approve it). */
  progressId: number;
  /** A leader account the admin may reset. */
  spareUserId: number;
  /** D: the superior task the root handed down to it. */
  superiorTaskId?: number;
  /** R: the district it created, and the unit of its ledger that stands for it. */
  subordinateId?: number;
  representativeUnitId?: number;
}

export interface MatrixRow {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as registered (with :params), for access-matrix.test.ts's coverage check. */
  route?: string;
  /** `other` is the other organisation's data (the superior's for D's rows). */
  url: (d: MatrixOrgData, other: MatrixOrgData) => string;
  json?: (d: MatrixOrgData, other: MatrixOrgData) => unknown;
  /** Who may, among the data's own organisation's roles (and `anonymous`). */
  allowed: readonly (MatrixRoleName | 'anonymous')[];
  /** Whose data the row is about (default both). */
  owners?: readonly MatrixOrg[];
}

const SIGNED: MatrixRoleName[] = ['admin', 'leader', 'reporter', 'head'];
const D_ONLY: readonly MatrixOrg[] = ['D'];
const R_ONLY: readonly MatrixOrg[] = ['R'];
const superior = (d: MatrixOrgData) => `/api/superior-tasks/${d.superiorTaskId}`;

/** In this order: accepted before it is edited, linked, decomposed and reported up. */
export const CASCADE_ROWS: readonly MatrixRow[] = [
  {
    name: 'a superior task',
    method: 'GET',
    route: '/api/superior-tasks/:id',
    url: superior,
    allowed: SIGNED,
    owners: D_ONLY,
  },
  {
    name: 'accept a superior task',
    method: 'POST',
    route: '/api/superior-tasks/:id/accept',
    url: (d) => `${superior(d)}/accept`,
    json: () => ({ version: 1, referenceNumber: '市折子工程2026-001' }),
    allowed: ['admin'],
    owners: D_ONLY,
  },
  {
    name: 'edit the reference number',
    method: 'PATCH',
    route: '/api/superior-tasks/:id',
    url: superior,
    json: () => ({ version: 2, referenceNumber: '市折子工程2026-002' }),
    allowed: ['admin'],
    owners: D_ONLY,
  },
  {
    name: 'link an own task',
    method: 'POST',
    route: '/api/superior-tasks/:id/links',
    url: (d) => `${superior(d)}/links`,
    json: (d) => ({ taskIds: [d.taskId] }),
    allowed: ['admin'],
    owners: D_ONLY,
  },
  {
    name: 'unlink an own task',
    method: 'DELETE',
    route: '/api/superior-tasks/:id/links/:taskId',
    url: (d) => `${superior(d)}/links/${d.taskId}`,
    allowed: ['admin'],
    owners: D_ONLY,
  },
  {
    name: 'decompose into own tasks',
    method: 'POST',
    route: '/api/superior-tasks/:id/decompose',
    url: (d) => `${superior(d)}/decompose`,
    json: (d) => ({ reportId: d.reportId, tasks: [{ text: '分解落实上级交办任务。' }] }),
    allowed: ['admin'],
    owners: D_ONLY,
  },
  {
    name: 'read the report up',
    method: 'GET',
    route: '/api/superior-tasks/:id/periods/:periodId/report-up',
    url: (d, other) => `${superior(d)}/periods/${other.periodId}/report-up`,
    allowed: ['admin', 'leader'],
    owners: D_ONLY,
  },
  {
    name: 'save the report up',
    method: 'PUT',
    route: '/api/superior-tasks/:id/periods/:periodId/report-up',
    url: (d, other) => `${superior(d)}/periods/${other.periodId}/report-up`,
    json: () => ({ narrative: '区里已分解落实。' }),
    allowed: ['admin'],
    owners: D_ONLY,
  },
  {
    name: 'submit the report up',
    method: 'POST',
    route: '/api/superior-tasks/:id/periods/:periodId/report-up/submit',
    url: (d, other) => `${superior(d)}/periods/${other.periodId}/report-up/submit`,
    json: () => ({ version: 1 }),
    allowed: ['admin'],
    owners: D_ONLY,
  },
  {
    name: "a subordinate's decomposition",
    method: 'GET',
    route: '/api/organisations/:id/decomposition',
    url: (d) => `/api/organisations/${d.subordinateId}/decomposition`,
    allowed: ['admin', 'leader'],
    owners: R_ONLY,
  },
  {
    name: 'make a unit represent the subordinate',
    method: 'PUT',
    route: '/api/units/:id/represents',
    url: (d) => `/api/units/${d.representativeUnitId}/represents`,
    json: (d) => ({ version: 1, organisationId: d.subordinateId }),
    allowed: ['admin'],
    owners: R_ONLY,
  },
];

/** The list route, checked per organisation in the matrix's list test (each sees its own inbox). */
export const CASCADE_LIST_ROUTES = ['GET /api/superior-tasks'] as const;
