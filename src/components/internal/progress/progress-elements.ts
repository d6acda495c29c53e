/**
 * The progress elements of the page frame, defined by one script so a course page loads one small module
 * (plus the store they share) instead of one per element: <course-progress> (sidebar marks and bar),
 * <lesson-progress> (read / completed) and <progress-notice> (storage problems).
 */
import './course-progress.ts';
import './lesson-progress.ts';
import './progress-notice.ts';
