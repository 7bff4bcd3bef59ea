package io.vixlab.report.persistence;

import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.training.TrainingProgress;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.factory.Mappers;

/** The entities that keep an event's fields as columns, from and to the event (generated). */
@Mapper
interface EventMapper {

    EventMapper MAPPER = Mappers.getMapper(EventMapper.class);

    @Mapping(target = "id", ignore = true)
    TrainingProgressEntity toEntity(TrainingProgress progress);

    @Mapping(target = "schemaVersion", expression = "java(TrainingProgress.SCHEMA_VERSION)")
    TrainingProgress toEvent(TrainingProgressEntity entity);

    @Mapping(target = "id", ignore = true)
    void apply(MarketBar bar, @MappingTarget DailyCloseEntity close);
}
