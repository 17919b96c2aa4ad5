import { envAssignments, parseDockerfile } from "../../../engine/formats/dockerfile";
import type { ProjectFileContext } from "../../../engine/rule";
import { checkValue, replaceFix } from "./site";

/**
 * `ENV` values and `ARG` defaults. Both end up in the image history. An `ARG` without default is
 * filled by `--build-arg`, so dropping the default is the fix. For `ENV` there is no in-file
 * equivalent: `ENV X=${X}` from an `ARG` still bakes the value into the image, so the value
 * must be set when the container runs, and no fix is offered.
 */
export function checkDockerfile(context: ProjectFileContext): void {
  for (const instruction of parseDockerfile(context.text).instructions) {
    for (const assignment of envAssignments(instruction)) {
      if (assignment.value === null) continue;
      const { name } = assignment;
      if (instruction.keyword === "ARG") {
        checkValue(context, {
          value: assignment.value,
          name,
          start: assignment.valueStart,
          end: assignment.valueEnd,
          where: `the default of ARG ${name}`,
          advice: `Drop the default and pass it at build time (a build secret, RUN --mount=type=secret, keeps it out of the image history).`,
          // From the `=` to the end of the value: `ARG NAME=value` → `ARG NAME`.
          fix: () => replaceFix(context.file, assignment.nameEnd, assignment.valueEnd, "", `Drop the default of ARG ${name}`),
        });
      } else {
        checkValue(context, {
          value: assignment.value,
          name,
          start: assignment.valueStart,
          end: assignment.valueEnd,
          where: `ENV ${name}`,
          advice: `An ENV value is baked into the image: remove it and set ${name} when the container runs (docker run -e ${name}, the platform's config).`,
        });
      }
    }
  }
}
