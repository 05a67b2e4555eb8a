/**
 * What a run of {@code tl run} (and any other command that runs a suite, e.g. on a cluster) resolves and checks
 * before it fits anything: the arguments ({@link org.tl4j.experiments.run.RunArguments}), their validation against
 * the registries, the suite and its data ({@link org.tl4j.experiments.run.RunSetup}), and the output folder it
 * owns while it runs ({@link org.tl4j.experiments.run.OutputFolder}).
 */
package org.tl4j.experiments.run;
