import { autoscalingDecisionsContract } from '../contracts/autoscaling-decisions.contract';
import { InMemoryAutoscalingDecisions } from './in-memory-autoscaling-decisions';

describe('InMemoryAutoscalingDecisions', () => {
  autoscalingDecisionsContract((capacity) => new InMemoryAutoscalingDecisions(capacity));
});
