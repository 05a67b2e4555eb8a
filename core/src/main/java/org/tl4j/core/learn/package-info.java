/**
 * Inner learners and seeding: named Tribuo trainers, closed-form weighted least squares, and explicit seeds for
 * every random consumer.
 */
package org.tl4j.core.learn;
