// What one answer may be, for the document: the route accepts any JSON value per question and
// checks it against the questionnaire (survey-defs/check-answers.ts), which names the exact fault.
import type { z } from 'zod';
import { responseBody } from '../responses/response-body';

export const answerValueSchema = {
  description: 'A rating: an integer level of its scale, or 0 for "no opinion" (không có ý kiến) where the scale allows it. A single choice: an option id. A multiple choice: a list of option ids. Text: a string. null, "" or [] mean unanswered.',
  anyOf: [
    { type: 'integer', minimum: 0, description: 'rating' },
    { type: 'string', maxLength: 4000, description: 'option id or text' },
    { type: 'array', items: { type: 'string' }, description: 'option ids' },
    { type: 'null', description: 'unanswered' },
  ],
};

const answerValue = (responseBody.shape.answers as z.ZodRecord).valueType;

export function isAnswerValue(schema: unknown): boolean {
  return schema === answerValue;
}
