import { describe, expect, it } from 'vitest';
import { classifyMessage } from './intent.js';
import type { MessageIntent } from './types.js';

describe('classifyMessage', () => {
  it.each<[string, MessageIntent]>([
    ['can they come in without a warrant?', 'rights_question'],
    ['¿qué hago si tocan?', 'rights_question'],
    ['están afuera de mi casa, ¿les abro?', 'rights_question'],
    ['do I have to open the door?', 'rights_question'],
    ['que derechos tengo', 'rights_question'],
    ['gracias', 'thanks'],
    ['thank you so much!!', 'thanks'],
    ['🙏', 'thanks'],
    ['prueba', 'test'],
    ['testing 123', 'test'],
    ['hola', 'greeting'],
    ['hi, I want to report something', 'greeting'],
    ['¿es cierto que hay redada en el Walmart?', 'question'],
    ['how do I find my husband? ICE took him', 'question'],
    ['alguien sabe a dónde llevan a los detenidos?', 'question'],
    ['who is this?', 'question'],
    ['4 agentes en 1st y Soto', 'report'],
    ['hay migra en la esquina', 'report'],
    ['se llevaron a un señor', 'report'],
    ['están en la parada del bus', 'report'],
    ['hola, hay 3 trocas de ICE en la calle 4', 'report'],
    ['👍', 'other'],
    ['ok', 'other'],
    ['', 'other'],
  ])('%j → %s', (text, intent) => {
    expect(classifyMessage(text)).toBe(intent);
  });
});
