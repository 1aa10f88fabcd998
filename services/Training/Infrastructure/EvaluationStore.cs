using Npgsql;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>Evaluations of served models, one row per (model, dataset): evaluating a pair again replaces its figures.</summary>
public sealed class EvaluationStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "model_id, dataset_id, task_id, examples, measure, agreement, agreement_lower, agreement_upper, latency_p50_ms, latency_p95_ms, report, evaluated_at";

    public async Task<ModelEvaluation> SaveAsync(string tenantId, ModelEvaluation evaluation, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            insert into model_evaluations (model_id, dataset_id, tenant_id, task_id, examples, measure, agreement, agreement_lower, agreement_upper,
                                           latency_p50_ms, latency_p95_ms, report)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            on conflict (model_id, dataset_id) do update set
                examples = excluded.examples, measure = excluded.measure, agreement = excluded.agreement,
                agreement_lower = excluded.agreement_lower, agreement_upper = excluded.agreement_upper,
                latency_p50_ms = excluded.latency_p50_ms, latency_p95_ms = excluded.latency_p95_ms,
                report = excluded.report, evaluated_at = now()
            returning {Columns}
            """);
        command.Parameters.Add(Db.Value(evaluation.ModelId));
        command.Parameters.Add(Db.Value(evaluation.DatasetId));
        command.Parameters.Add(Db.Value(tenantId));
        command.Parameters.Add(Db.Value(evaluation.TaskId));
        command.Parameters.Add(Db.Value(evaluation.Examples));
        command.Parameters.Add(Db.Value(evaluation.Measure));
        command.Parameters.Add(Db.Value(evaluation.Agreement));
        command.Parameters.Add(Db.Value(evaluation.AgreementLower));
        command.Parameters.Add(Db.Value(evaluation.AgreementUpper));
        command.Parameters.Add(Db.Value(evaluation.LatencyP50Ms));
        command.Parameters.Add(Db.Value(evaluation.LatencyP95Ms));
        command.Parameters.Add(Db.Jsonb(evaluation.Report.GetRawText()));
        return (await ReadAsync(command, cancellationToken)).Single();
    }

    public async Task<IReadOnlyList<ModelEvaluation>> ListAsync(string tenantId, Guid modelId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from model_evaluations where tenant_id = $1 and model_id = $2 order by evaluated_at desc");
        command.Parameters.Add(Db.Value(tenantId));
        command.Parameters.Add(Db.Value(modelId));
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<List<ModelEvaluation>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var evaluations = new List<ModelEvaluation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            evaluations.Add(new ModelEvaluation(
                reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetInt32(3), reader.GetString(4), reader.GetDouble(5), reader.GetDouble(6),
                reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), Db.Json(reader, 10), reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return evaluations;
    }
}
