package io.vixlab.tuner.persistence;

import io.vixlab.tuner.study.ArchitectureTuning;
import io.vixlab.tuner.study.Study;
import io.vixlab.tuner.study.StudyTrial;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;

/** Rows to the study loop's domain and back, field by field by name; JSON columns through {@link JsonColumns}. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI, uses = JsonColumns.class)
public interface StudyRows {

    @Mapping(target = "plan", source = "planJson", qualifiedByName = "plan")
    Study toStudy(StudyEntity row);

    @Mapping(target = "planJson", source = "plan", qualifiedByName = "planJson")
    void write(Study study, @MappingTarget StudyEntity row);

    @Mapping(target = "bestParams", source = "bestParamsJson", qualifiedByName = "params")
    ArchitectureTuning toArchitecture(ArchitectureTuningEntity row);

    @Mapping(target = "bestParamsJson", source = "bestParams", qualifiedByName = "paramsJson")
    void write(ArchitectureTuning architecture, @MappingTarget ArchitectureTuningEntity row);

    @Mapping(target = "params", source = "paramsJson", qualifiedByName = "params")
    @Mapping(target = "intermediateValues", source = "intermediateValuesJson", qualifiedByName = "intermediateValues")
    StudyTrial toTrial(TrialEntity row);

    @Mapping(target = "paramsJson", source = "params", qualifiedByName = "paramsJson")
    @Mapping(target = "intermediateValuesJson", source = "intermediateValues", qualifiedByName = "intermediateValuesJson")
    void write(StudyTrial trial, @MappingTarget TrialEntity row);
}
