/**
 * The evaluation harness: strategies × tasks × seeds with baselines, target metrics, the negative transfer gap and
 * a paired test that flags negative transfer only beyond seed noise.
 */
package org.tl4j.core.eval;
