/**
 * Instance transfer (Pan &amp; Yang): labelled source instances re-weighted or re-selected for the target domain,
 * one sub-package per algorithm, the weights reaching the inner Tribuo learner as example weights.
 */
package org.tl4j.instance;
