/**
 * Inside a learning platform the SCORM launch page (the parent window, course-scorm.js)
 * names the storage prefix of the platform learner's own browser copy in
 * window.CourseScormHost.storagePrefix, so two learners on one computer never share
 * answers. Anywhere else, or for a prefix outside the course's own, the data is unchanged.
 */
export function hostData(data, win) {
  try {
    const host = win.parent !== win ? win.parent.CourseScormHost : null;
    const prefix = host && host.storagePrefix;
    const base = data.storagePrefix.replace(/:$/, "");
    if (typeof prefix === "string" && prefix.startsWith(`${base}@`) && prefix.endsWith(":")) {
      return { ...data, storagePrefix: prefix };
    }
  } catch {
    /* a parent of another origin: not our launch page */
  }
  return data;
}
