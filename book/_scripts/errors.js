/** A problem to tell the learner: its message is plain English, ready to show. */
export class CourseError extends Error {}
