// axe-core (WCAG 2.0/2.1 A and AA): zero violations on every page type in Chinese.
import { axeEveryPageType } from '../lib/axe-suite.mjs';

axeEveryPageType('zh-TW');
