// The components lesson authors may use in MDX. Import them from here, not from their files, so their
// places can change without touching lessons.
export { default as Cite } from './Cite.astro';
export { default as Measure } from './Measure.astro';
export { default as CostCalculator } from './CostCalculator.astro';
export { default as InstructorNote } from './InstructorNote.astro';
export { default as Only } from './Only.astro';
export { default as SizeChart } from './SizeChart.astro';
export { default as AttackSurfaceTable } from './AttackSurfaceTable.astro';
export { default as ExerciseFiles } from './ExerciseFiles.astro';
export { default as Quiz } from './Quiz.astro';
export { default as TerminalReplay } from './TerminalReplay.astro';
export { default as LayerChart } from './LayerChart.astro';
