import type { Formatter } from './format';
import { stylish } from './stylish';
import { json } from './json';
import { sarif } from './sarif';
import { junit } from './junit';
import { github } from './github';
import { markdown } from './markdown';

export const FORMATS: Record<string, Formatter> = { stylish, json, sarif, junit, github, markdown };
