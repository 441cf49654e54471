// Readiness's "How far to trust these figures": where the predictions' parameters come from, how
// past predictions fared against what the user recalled, and the health check's findings. The
// figures are running totals the readiness figures keep (commands/prediction-trust), so this
// costs no read of the log.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { predictionTrust } from '../../../commands/prediction-trust.js';
import { calibrationHeading, calibrationRows, calibrationSummary, findingLine, HEALTHY, parametersLine } from '../../../core/prediction-trust.js';
import { useAppState } from '../../app-context.js';
import { Para } from '../CardText.js';

export function PredictionTrust() {
  const { ws, revision } = useAppState();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress or settings do
  const trust = useMemo(() => predictionTrust(ws), [ws, revision]);
  const summary = calibrationSummary(trust.calibration);
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold>How far to trust these figures</Text>
      <Para text={parametersLine(trust.parameters, trust.longTerm)} />
      <Text> </Text>
      {summary ? (
        <>
          <Para text={calibrationHeading(trust.parameters)} />
          {calibrationRows(trust.calibration).map((line) => (
            <Text key={line} wrap="truncate-end">
              {line}
            </Text>
          ))}
          <Para dim text={summary} />
        </>
      ) : (
        <Para dim text={calibrationRows(trust.calibration)[0]!} />
      )}
      <Text> </Text>
      {trust.health.length === 0 ? <Para text={HEALTHY} /> : <Text bold>Health check</Text>}
      {trust.health.map((f) => (
        <Para key={f.kind} text={findingLine(f)} />
      ))}
    </Box>
  );
}
